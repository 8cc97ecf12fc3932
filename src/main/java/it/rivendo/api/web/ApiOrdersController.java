package it.rivendo.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import it.rivendo.api.ApiCaller;
import it.rivendo.api.Idempotency;
import it.rivendo.catalog.Catalog;
import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.ModeNotAvailableException;
import it.rivendo.invoicing.DocumentFile;
import it.rivendo.invoicing.DocumentKind;
import it.rivendo.invoicing.DocumentSummary;
import it.rivendo.invoicing.Invoices;
import it.rivendo.ordering.BillingDetails;
import it.rivendo.ordering.CheckoutService;
import it.rivendo.ordering.OrderBatch;
import it.rivendo.ordering.OrderHistory;
import it.rivendo.shared.BillingData;
import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.SecretTokens;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reseller's orders: the list, one order, its invoice as PDF and as FatturaPA XML.
 * Another reseller's order is not found (404), as on the pages.
 */
@Tag(name = "orders", description = "Orders paid from your credit, and their invoices.")
@RestController
@RequestMapping("/api/v1/orders")
class ApiOrdersController implements ApiEndpoint {

	private final OrderHistory history;

	private final Invoices invoices;

	private final Catalog catalog;

	private final CheckoutService checkout;

	private final Idempotency idempotency;

	private final Validator validator;

	private final JsonMapper json;

	ApiOrdersController(OrderHistory history, Invoices invoices, Catalog catalog, CheckoutService checkout,
			Idempotency idempotency, Validator validator, JsonMapper json) {
		this.history = history;
		this.invoices = invoices;
		this.catalog = catalog;
		this.checkout = checkout;
		this.idempotency = idempotency;
		this.validator = validator;
		this.json = json;
	}

	/**
	 * Places and pays an order from the credit at once, with the checkout's rules: 201
	 * with the order; 422 with the wrong fields; 402 with what is missing when the credit
	 * does not cover it. Once per {@code Idempotency-Key} (see {@link Idempotency}): the
	 * same key and body again answer the first answer (with {@code Idempotent-Replayed:
	 * true}), another body 422, a twin still running 409.
	 */
	@Operation(operationId = "placeOrder", summary = "Place an order, paid from your credit at once",
			description = "Lines (product code, mode, quantity) and the invoice's billing data, checked as the checkout checks them. Idempotency-Key is required: the same key with the same body answers the first answer again (Idempotent-Replayed: true), with another body 422, and 409 while the first request with it is still running. 402 when the credit does not cover the order: nothing is kept, and the same key works again after a top-up.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(schema = @Schema(implementation = OrderRequest.class))))
	@ApiResponse(responseCode = "201", description = "Placed and paid; Location names the order.",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiJson.Order.class)))
	@ApiResponse(responseCode = "402",
			description = "The credit does not cover the order: missing, balance and required say by how much.")
	@ApiResponse(responseCode = "409", description = "A request with the same Idempotency-Key is still running.")
	@PostMapping
	ResponseEntity<String> place(@AuthenticationPrincipal ApiCaller caller, @Parameter(
			description = "Any unique text up to 255 characters, e.g. a UUID, the same on every retry of this order.") @RequestHeader(IDEMPOTENCY_KEY) String idempotencyKey,
			@RequestBody OrderRequest request) {
		if (idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
			throw new ApiCursor.BadRequest(IDEMPOTENCY_KEY, "api.idempotencyKey.invalid");
		}
		OrderBatch.Order order = checked(caller, request);
		String hash = SecretTokens.sha256Hex(json.writeValueAsString(request));
		Idempotency.Answer answer = idempotency.once(caller, idempotencyKey, hash, () -> {
			String number = checkout
				.payBatch(new OrderBatch(caller.resellerId(), batchToken(caller, idempotencyKey), caller.actor(), null,
						List.of(order)))
				.get(0)
				.number();
			return new Idempotency.Answer(HttpStatus.CREATED.value(),
					json.writeValueAsString(ApiJson.Order.of(history.details(caller.resellerId(), number))));
		});
		ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status())
			.contentType(MediaType.APPLICATION_JSON);
		if (answer.status() == HttpStatus.CREATED.value()) {
			response.location(URI.create("/api/v1/orders/" + json.readTree(answer.body()).get("number").asString()));
		}
		if (answer.replayed()) {
			response.header("Idempotent-Replayed", "true");
		}
		return response.body(answer.body());
	}

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/**
	 * The order's checkout token, from the API key and the Idempotency-Key: should two
	 * requests ever get past {@link Idempotency}, the second still finds the first's
	 * order instead of paying again.
	 */
	private static String batchToken(ApiCaller caller, String idempotencyKey) {
		return "api-" + SecretTokens.sha256Hex(caller.keyId() + " " + idempotencyKey).substring(0, 40);
	}

	/**
	 * The order priced for the caller, or every wrong field at once.
	 * @throws ApiValidationException when something is missing or wrong
	 */
	private OrderBatch.Order checked(ApiCaller caller, OrderRequest request) {
		List<ApiValidationException.FieldError> errors = new ArrayList<>();
		List<OrderBatch.Item> items = new ArrayList<>();
		if (request.lines() == null || request.lines().isEmpty()) {
			errors.add(new ApiValidationException.FieldError("lines", "api.order.lines.required"));
		}
		else if (request.lines().size() > OrderRequest.MAX_LINES) {
			errors
				.add(new ApiValidationException.FieldError("lines", "api.order.lines.tooMany", OrderRequest.MAX_LINES));
		}
		else {
			for (int i = 0; i < request.lines().size(); i++) {
				OrderBatch.Item item = item(caller, request.lines().get(i), "lines[" + i + "].", errors);
				if (item != null) {
					items.add(item);
				}
			}
		}
		BillingData billing = null;
		if (request.billing() == null) {
			errors.add(new ApiValidationException.FieldError("billing", "validation.required"));
		}
		else {
			billing = request.billing().toBillingData();
			for (ConstraintViolation<BillingData> violation : validator.validate(billing)) {
				String template = violation.getMessageTemplate();
				String key = template.startsWith("{") && template.endsWith("}")
						? template.substring(1, template.length() - 1) : violation.getMessage();
				String path = violation.getPropertyPath().toString();
				errors.add(new ApiValidationException.FieldError(
						path.isEmpty() ? "billing" : "billing." + ApiErrorsAdvice.snakeCase(path), key));
			}
		}
		if (!errors.isEmpty()) {
			throw new ApiValidationException(errors);
		}
		return new OrderBatch.Order(BillingDetails.from(billing), items);
	}

	private OrderBatch.@Nullable Item item(ApiCaller caller, OrderRequest.@Nullable Line line, String path,
			List<ApiValidationException.FieldError> errors) {
		if (line == null) {
			errors.add(
					new ApiValidationException.FieldError(path.substring(0, path.length() - 1), "validation.required"));
			return null;
		}
		int before = errors.size();
		if (line.productCode() == null || line.productCode().isBlank()) {
			errors.add(new ApiValidationException.FieldError(path + "product_code", "validation.required"));
		}
		IdentificationMode mode = null;
		if (line.mode() == null || line.mode().isBlank()) {
			errors.add(new ApiValidationException.FieldError(path + "mode", "validation.required"));
		}
		else {
			mode = Arrays.stream(IdentificationMode.values())
				.filter(value -> value.name().equalsIgnoreCase(line.mode().strip()))
				.findFirst()
				.orElse(null);
			if (mode == null) {
				errors.add(new ApiValidationException.FieldError(path + "mode", "api.order.mode.unknown"));
			}
		}
		if (line.quantity() == null || line.quantity() < 1 || line.quantity() > OrderRequest.MAX_QUANTITY) {
			errors.add(new ApiValidationException.FieldError(path + "quantity", "api.order.quantity.invalid",
					OrderRequest.MAX_QUANTITY));
		}
		if (errors.size() > before) {
			return null;
		}
		try {
			return new OrderBatch.Item(catalog.quote(caller.resellerId(), line.productCode().strip(), mode),
					line.quantity());
		}
		catch (NotFoundException ex) {
			errors.add(new ApiValidationException.FieldError(path + "product_code", "api.order.product.unknown"));
		}
		catch (ModeNotAvailableException ex) {
			errors.add(new ApiValidationException.FieldError(path + "mode", "api.order.mode.notOffered"));
		}
		return null;
	}

	@Operation(operationId = "listOrders", summary = "Your orders, newest first", description = "A slice at a time.")
	@GetMapping
	ApiJson.Slice<ApiJson.OrderRow> list(@AuthenticationPrincipal ApiCaller caller,
			@Parameter(description = ApiDocs.CURSOR) @RequestParam(required = false) @Nullable String cursor,
			@Parameter(description = ApiDocs.LIMIT) @RequestParam(required = false) @Nullable Integer limit) {
		int size = ApiCursor.limit(limit);
		return ApiCursor.slice(history.before(caller.resellerId(), ApiCursor.decode(cursor), size + 1), size,
				OrderHistory.Listed::id, row -> ApiJson.OrderRow.of(row.summary()));
	}

	@Operation(operationId = "getOrder", summary = "One of your orders",
			description = "Its lines, totals, billing data and where its invoice is.")
	@GetMapping("/{number}")
	ApiJson.Order order(@AuthenticationPrincipal ApiCaller caller, @PathVariable String number) {
		return ApiJson.Order.of(history.details(caller.resellerId(), number));
	}

	@Operation(operationId = "getInvoicePdf", summary = "The order's invoice as PDF")
	@ApiResponse(responseCode = "200", description = "The invoice.",
			content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
	@GetMapping("/{number}/invoice.pdf")
	ResponseEntity<byte[]> invoicePdf(@AuthenticationPrincipal ApiCaller caller, @PathVariable String number) {
		return file(invoices.pdf(invoice(caller, number).id()));
	}

	@Operation(operationId = "getInvoiceXml", summary = "The order's invoice as FatturaPA XML")
	@ApiResponse(responseCode = "200", description = "The invoice as sent to the SdI.",
			content = @Content(mediaType = "application/xml", schema = @Schema(type = "string", format = "binary")))
	@GetMapping("/{number}/invoice.xml")
	ResponseEntity<byte[]> invoiceXml(@AuthenticationPrincipal ApiCaller caller, @PathVariable String number) {
		return file(invoices.xml(invoice(caller, number).id()));
	}

	/** The order's invoice; 404 when the order is not the caller's. */
	private DocumentSummary invoice(ApiCaller caller, String number) {
		return invoices.ofOrder(caller.resellerId(), number, DocumentKind.INVOICE)
			.orElseThrow(() -> new NotFoundException("invoice of " + number));
	}

	static ResponseEntity<byte[]> file(DocumentFile file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.filename()).build().toString())
			.body(file.content());
	}

}
