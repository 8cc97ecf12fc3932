package it.rivendo.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The partner API's OpenAPI 3.1 document at {@code /api/v1/openapi.json}, made by
 * springdoc from the controllers (only {@code /api/v1/**}) and completed here with what
 * every operation shares: the bearer key, the problem details of its errors (401 and 429
 * everywhere; 403 on writes, 404 where a path names something, 400 where parameters or a
 * body can be wrong, 422 on writes) and the rate limit's headers on its answers.
 */
@Configuration(proxyBeanMethods = false)
class ApiOpenApi {

	static final String BEARER = "bearer";

	static final String PROBLEM = "Problem";

	static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final String[] RATE_LIMIT_HEADERS = { "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset" };

	@Bean
	OpenAPI partnerApi() {
		return new OpenAPI().info(new Info().title("Rivendo partner API").version("1").description("""
				Order and follow trust services from your own software: the catalog at your prices, \
				your credit and its movements, orders paid from the credit, their invoices, your \
				services and their association with your customers.

				Every request carries `Authorization: Bearer <key>`, a key the Titolare creates on \
				the API page of the customer area: `read` keys read, `read_write` keys also order \
				and associate. No cookie or session is used.

				Amounts are strings with two decimals (`"31.20"`), never numbers; instants are \
				ISO 8601 in UTC. Lists come a slice at a time: `limit` (1 to 100, default 50) and \
				the `next_cursor` of the previous slice as `cursor`.

				Errors are RFC 9457 problem details (`application/problem+json`), in Italian or, \
				with `Accept-Language: en`, in English; `errors` lists the wrong fields. Another \
				reseller's orders and services answer 404, as do those that do not exist.

				Each key may make a number of requests a minute (600 unless the shop says \
				otherwise); every answer to a key has `RateLimit-Limit`, `RateLimit-Remaining` and \
				`RateLimit-Reset`; past the limit the answer is 429 with `Retry-After`."""))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("An API key: rvk_live_ and 43 characters."))
				.addHeaders("RateLimit-Limit", header("Requests a minute this key may make."))
				.addHeaders("RateLimit-Remaining", header("Requests left to this key in the current minute."))
				.addHeaders("RateLimit-Reset", header("Seconds until the next minute starts the count again."))
				.addHeaders("Retry-After", header("Seconds to wait before trying again.")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	@Bean
	OpenApiCustomizer partnerApiErrors() {
		return document -> {
			// here rather than in the document above: springdoc drops the schemas that no
			// operation refers to before the customizers run, and only these refer to
			// them
			document.getComponents().addSchemas(PROBLEM, problem()).addSchemas("FieldError", fieldError());
			if (document.getPaths() == null) {
				return;
			}
			document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				ApiResponses responses = operation.getResponses();
				responses.forEach((code, response) -> {
					if (code.startsWith("2")) {
						for (String name : RATE_LIMIT_HEADERS) {
							response.addHeaderObject(name, new Header().$ref("#/components/headers/" + name));
						}
					}
				});
				boolean writes = method != PathItem.HttpMethod.GET;
				if (writes) {
					problem(responses, "403", "The key can only read: writing needs a read_write key.");
					problem(responses, "422", "Invalid data: errors lists each wrong field.");
				}
				if (path.contains("{")) {
					problem(responses, "404", "Not found, or another reseller's.");
				}
				if (hasQueryParameters(operation) || operation.getRequestBody() != null) {
					problem(responses, "400",
							"A parameter or the body cannot be read: errors names the parameter when it can.");
				}
				responses.keySet()
					.stream()
					.filter(code -> code.startsWith("4") || code.startsWith("5"))
					.toList()
					.forEach(code -> problem(responses, code, ""));
				problem(responses, "401", "No key, or a key that is unknown or revoked.");
				ApiResponse tooMany = problem(responses, "429", "Past the key's rate limit: wait Retry-After seconds.");
				tooMany.addHeaderObject("Retry-After", new Header().$ref("#/components/headers/Retry-After"));
				operation.setResponses(sorted(responses));
			}));
		};
	}

	private static boolean hasQueryParameters(Operation operation) {
		return operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch(parameter -> "query".equals(parameter.getIn()));
	}

	/**
	 * The operation's problem answer with this code: the one it declares (its content
	 * made a problem: springdoc gives a declared error the method's return type), or a
	 * new one.
	 */
	private static ApiResponse problem(ApiResponses responses, String code, String description) {
		ApiResponse response = responses.computeIfAbsent(code, missing -> new ApiResponse().description(description));
		if (response.getContent() == null || !response.getContent().keySet().equals(Set.of(PROBLEM_JSON))) {
			response.setContent(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
		}
		return response;
	}

	private static ApiResponses sorted(ApiResponses responses) {
		ApiResponses sorted = new ApiResponses();
		new TreeMap<>(responses).forEach(sorted::addApiResponse);
		if (responses.getExtensions() != null) {
			sorted.setExtensions(responses.getExtensions());
		}
		return sorted;
	}

	private static Header header(String description) {
		return new Header().description(description).schema(new IntegerSchema());
	}

	@SuppressWarnings("rawtypes")
	private static Schema problem() {
		Map<String, Schema> properties = new java.util.LinkedHashMap<>();
		properties.put("type", new StringSchema().format("uri")
			.description("The kind of problem, e.g. https://rivendo.it/api/problems/insufficient-credit"));
		properties.put("title", new StringSchema().description("The kind of problem in words."));
		properties.put("status", new IntegerSchema().description("The HTTP status."));
		properties.put("detail", new StringSchema().description("What went wrong this time, in words."));
		properties.put("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError"))
			.description("The wrong fields or parameters (400 and 422)."));
		properties.put("missing", new StringSchema().description("402: how much credit is missing, e.g. \"12.40\"."));
		properties.put("balance", new StringSchema().description("402: the credit now."));
		properties.put("required", new StringSchema().description("402: what the order costs."));
		return new ObjectSchema().description("An RFC 9457 problem detail (application/problem+json).")
			.properties(properties)
			.required(java.util.List.of("type", "title", "status", "detail"));
	}

	private static Schema<?> fieldError() {
		return new ObjectSchema().description("One wrong field of the body, or a wrong parameter.")
			.addProperty("field", new StringSchema().description("Its JSON path, e.g. billing.vat_number."))
			.addProperty("message", new StringSchema().description("What is wrong with it."))
			.required(java.util.List.of("field", "message"));
	}

}
