package it.rivendo.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.rivendo.api.ApiCaller;
import it.rivendo.catalog.Catalog;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a reseller can buy and at what price: {@code GET /api/v1/catalog}. */
@Tag(name = "catalog", description = "What you can buy, at your prices.")
@RestController
@RequestMapping("/api/v1")
class ApiCatalogController implements ApiEndpoint {

	private final Catalog catalog;

	ApiCatalogController(Catalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * Every product on sale with its modes: list price, discount, the reseller's price.
	 */
	@Operation(operationId = "getCatalog", summary = "The catalog at your prices",
			description = "Every product on sale with its identification modes: list price, your discount, your price and the VAT rate, all as strings.")
	@GetMapping("/catalog")
	ApiJson.Catalog catalog(@AuthenticationPrincipal ApiCaller caller) {
		return new ApiJson.Catalog(catalog.offerPage(caller.resellerId(), "", "", 0, Integer.MAX_VALUE)
			.products()
			.stream()
			.map(ApiJson.Product::of)
			.toList());
	}

}
