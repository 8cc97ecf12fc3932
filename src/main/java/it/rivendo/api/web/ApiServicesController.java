package it.rivendo.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import it.rivendo.api.ApiCaller;
import it.rivendo.services.PurchasedServices;
import it.rivendo.services.ServiceStatus;
import it.rivendo.services.ServiceView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A reseller's purchased services: the list (by status, or expiring within some days),
 * one service, and "Associa" (the end customer's e-mail, which sends the activation
 * link), with the same rules as the customer area. Another reseller's service is not
 * found.
 */
@Tag(name = "services",
		description = "The services you bought: their state, and their association with your customers.")
@RestController
@RequestMapping("/api/v1/services")
class ApiServicesController implements ApiEndpoint {

	/** At most this many days ahead for {@code expiring_within_days}. */
	static final int MAX_EXPIRING_DAYS = 3660;

	private final PurchasedServices services;

	private final Clock clock;

	ApiServicesController(PurchasedServices services, Clock clock) {
		this.services = services;
		this.clock = clock;
	}

	@Operation(operationId = "listServices", summary = "Your services, newest first",
			description = "Optionally only those in one status, or expiring within some days; a slice at a time.")
	@GetMapping
	ApiJson.Slice<ApiJson.Service> list(@AuthenticationPrincipal ApiCaller caller,
			@Parameter(description = "Only services in this status, e.g. active.") @RequestParam(
					required = false) @Nullable String status,
			@Parameter(description = "Only services expiring within this many days (0 to 3660).") @RequestParam(
					name = "expiring_within_days", required = false) @Nullable Integer expiringWithinDays,
			@Parameter(description = ApiDocs.CURSOR) @RequestParam(required = false) @Nullable String cursor,
			@Parameter(description = ApiDocs.LIMIT) @RequestParam(required = false) @Nullable Integer limit) {
		int size = ApiCursor.limit(limit);
		Instant expiringBy = null;
		if (expiringWithinDays != null) {
			if (expiringWithinDays < 0 || expiringWithinDays > MAX_EXPIRING_DAYS) {
				throw new ApiCursor.BadRequest("expiring_within_days", "api.expiringDays.invalid", MAX_EXPIRING_DAYS);
			}
			expiringBy = clock.instant().plus(Duration.ofDays(expiringWithinDays));
		}
		return ApiCursor.slice(
				services.before(caller.resellerId(), status(status), expiringBy, ApiCursor.decode(cursor), size + 1),
				size, ServiceView::id, ApiJson.Service::of);
	}

	@Operation(operationId = "getService", summary = "One of your services")
	@GetMapping("/{id}")
	ApiJson.Service service(@AuthenticationPrincipal ApiCaller caller, @PathVariable long id) {
		return ApiJson.Service.of(services.view(caller.resellerId(), id));
	}

	/**
	 * Links the service to the end customer's e-mail and sends the activation link; on a
	 * service linked and not yet being activated, moves it to the new e-mail.
	 */
	@Operation(operationId = "associateService", summary = "Associate a service with your customer",
			description = "Links the service to the end customer's e-mail, which gets the activation link; on a service linked and not yet being activated, moves it to the new e-mail. 409 when the service can no longer be associated.")
	@ApiResponse(responseCode = "200", description = "The service, associated.")
	@ApiResponse(responseCode = "409", description = "The service can no longer be associated.")
	@PostMapping("/{id}/associate")
	ApiJson.Service associate(@AuthenticationPrincipal ApiCaller caller, @PathVariable long id,
			@Valid @RequestBody AssociateRequest request) {
		services.associate(caller.resellerId(), id, request.email(), request.name(), caller.actor());
		return ApiJson.Service.of(services.view(caller.resellerId(), id));
	}

	/** The end customer of {@code POST /api/v1/services/{id}/associate}. */
	record AssociateRequest(
			@NotBlank(message = "{validation.required}") @Email(message = "{validation.email}") @Size(max = 254,
					message = "{validation.tooLong}") String email,
			@Size(max = 200, message = "{validation.tooLong}") @Nullable String name) {
	}

	private static @Nullable ServiceStatus status(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		return Arrays.stream(ServiceStatus.values())
			.filter(value -> value.name().equalsIgnoreCase(status.strip()))
			.findFirst()
			.orElseThrow(() -> new ApiCursor.BadRequest("status", "api.status.invalid",
					Arrays.stream(ServiceStatus.values())
						.map(value -> value.name().toLowerCase(Locale.ROOT))
						.reduce((a, b) -> a + ", " + b)
						.orElse("")));
	}

}
