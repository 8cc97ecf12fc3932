package it.rivendo.api.web;

import it.rivendo.api.ApiCaller;
import it.rivendo.invoicing.DocumentFile;
import it.rivendo.invoicing.DocumentKind;
import it.rivendo.invoicing.DocumentSummary;
import it.rivendo.invoicing.Invoices;
import it.rivendo.ordering.OrderHistory;
import it.rivendo.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A reseller's orders: the list, one order, its invoice as PDF and as FatturaPA XML.
 * Another reseller's order is not found (404), as on the pages.
 */
@RestController
@RequestMapping("/api/v1/orders")
class ApiOrdersController implements ApiEndpoint {

	private final OrderHistory history;

	private final Invoices invoices;

	ApiOrdersController(OrderHistory history, Invoices invoices) {
		this.history = history;
		this.invoices = invoices;
	}

	@GetMapping
	ApiJson.Slice<ApiJson.OrderRow> list(@AuthenticationPrincipal ApiCaller caller,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		int size = ApiCursor.limit(limit);
		return ApiCursor.slice(history.before(caller.resellerId(), ApiCursor.decode(cursor), size + 1), size,
				OrderHistory.Listed::id, row -> ApiJson.OrderRow.of(row.summary()));
	}

	@GetMapping("/{number}")
	ApiJson.Order order(@AuthenticationPrincipal ApiCaller caller, @PathVariable String number) {
		return ApiJson.Order.of(history.details(caller.resellerId(), number));
	}

	@GetMapping("/{number}/invoice.pdf")
	ResponseEntity<byte[]> invoicePdf(@AuthenticationPrincipal ApiCaller caller, @PathVariable String number) {
		return file(invoices.pdf(invoice(caller, number).id()));
	}

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
