package it.rivendo.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import it.rivendo.api.ApiClient.Answer;
import it.rivendo.support.CleanDatabaseExtension;
import it.rivendo.support.TestDatabaseCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI 3.1 document at {@code /api/v1/openapi.json} and its reference page at
 * {@code /api/v1/docs}: open without a key; read without a problem by swagger-parser (the
 * linter); the shop's own rules (bearer key on every operation, problem details for
 * 401/429 everywhere, the rate limit's headers, no number for amounts); the same
 * operations as the controllers' mappings, no more, no less; the page lists them all and
 * loads nothing from elsewhere.
 */
@ExtendWith(TestDatabaseCheck.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(CleanDatabaseExtension.class)
class ApiDocumentIT {

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void theDocumentIsOpenAndTheLinterFindsNothingWrong() {
		Answer answer = new ApiClient(port, null).get("/api/v1/openapi.json");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.contentType()).startsWith("application/json");
		assertThat(answer.headers("Set-Cookie")).isEmpty();

		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(answer.body(), null, options);
		assertThat(parsed.getMessages()).isEmpty();
		assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");
		assertThat(parsed.getOpenAPI().getInfo().getTitle()).isEqualTo("Rivendo partner API");
	}

	@Test
	void theDocumentHasExactlyTheControllersOperations() {
		JsonNode document = document();
		Set<String> documented = new TreeSet<>();
		document.path("paths")
			.properties()
			.forEach(path -> path.getValue()
				.properties()
				.forEach(method -> documented.add(method.getKey().toUpperCase() + " " + path.getKey())));

		Set<String> mapped = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			Class<?> type = handler.getBeanType();
			if (!type.getPackageName().startsWith("it.rivendo.api") || type.isAnnotationPresent(Hidden.class)) {
				return;
			}
			info.getPatternValues()
				.stream()
				.filter(pattern -> pattern.startsWith("/api/v1/"))
				.forEach(pattern -> info.getMethodsCondition()
					.getMethods()
					.forEach(method -> mapped.add(method.name() + " " + pattern)));
		});

		assertThat(mapped).hasSize(11);
		assertThat(documented).isEqualTo(mapped);
	}

	@Test
	void everyOperationNeedsTheBearerKeyAndAnswersProblemsAndRateLimits() {
		JsonNode document = document();
		assertThat(document.path("components").path("securitySchemes").path("bearer").path("type").asString())
			.isEqualTo("http");
		assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
			.isEqualTo("bearer");
		assertThat(document.path("security").path(0).has("bearer")).isTrue();

		List<String> checked = new ArrayList<>();
		document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
			String operation = entry.getKey().toUpperCase() + " " + path.getKey();
			JsonNode responses = entry.getValue().path("responses");
			assertThat(entry.getValue().path("summary").asString()).as(operation).isNotBlank();
			assertThat(entry.getValue().path("operationId").asString()).as(operation).isNotBlank();
			List<String> errors = new ArrayList<>(List.of("401", "429"));
			if (!entry.getKey().equals("get")) {
				errors.addAll(List.of("403", "422"));
			}
			if (path.getKey().contains("{")) {
				errors.add("404");
			}
			for (String code : errors) {
				assertThat(responses.path(code)
					.path("content")
					.path("application/problem+json")
					.path("schema")
					.path("$ref")
					.asString()).as(operation + " " + code).isEqualTo("#/components/schemas/Problem");
			}
			responses.properties()
				.stream()
				.filter(response -> response.getKey().startsWith("4"))
				.forEach(response -> assertThat(response.getValue()
					.path("content")
					.properties()
					.stream()
					.map(java.util.Map.Entry::getKey)
					.toList()).as(operation + " " + response.getKey()).containsExactly("application/problem+json"));
			assertThat(responses.path("429").path("headers").has("Retry-After")).as(operation).isTrue();
			responses.properties()
				.stream()
				.filter(response -> response.getKey().startsWith("2"))
				.forEach(response -> assertThat(response.getValue().path("headers").has("RateLimit-Remaining"))
					.as(operation + " " + response.getKey())
					.isTrue());
			assertThat(entry.getValue().path("parameters").toString()).as(operation).doesNotContain("caller");
			checked.add(operation);
		}));
		assertThat(checked).hasSize(11);
		assertThat(document.path("paths").toString()).doesNotContain("*/*");

		JsonNode place = document.path("paths").path("/api/v1/orders").path("post");
		assertThat(place.path("responses").has("201")).isTrue();
		assertThat(place.path("responses")
			.path("201")
			.path("content")
			.path("application/json")
			.path("schema")
			.path("$ref")
			.asString()).isEqualTo("#/components/schemas/Order");
		assertThat(place.path("responses").has("200")).isFalse();
		assertThat(place.path("responses").has("402")).isTrue();
		assertThat(place.path("responses").has("409")).isTrue();
		JsonNode idempotencyKey = null;
		for (JsonNode parameter : place.path("parameters")) {
			if (parameter.path("name").asString().equals("Idempotency-Key")) {
				idempotencyKey = parameter;
			}
		}
		assertThat(idempotencyKey).isNotNull();
		assertThat(idempotencyKey.path("in").asString()).isEqualTo("header");
		assertThat(idempotencyKey.path("required").asBoolean()).isTrue();
	}

	@Test
	void amountsAreStringsNeverNumbers() {
		JsonNode schemas = document().path("components").path("schemas");
		assertThat(schemas.path("Mode").path("properties").path("price").path("type").asString()).isEqualTo("string");
		assertThat(schemas.path("Balance").path("properties").path("balance").path("type").asString())
			.isEqualTo("string");
		assertThat(schemas.path("Totals").path("properties").path("total").path("type").asString()).isEqualTo("string");
		// the request's line and billing are not the answer's (both Line and Billing in
		// Java)
		assertThat(schemas.path("OrderRequestLine").path("properties").has("quantity")).isTrue();
		assertThat(schemas.path("Line").path("properties").has("unit_price")).isTrue();
		assertThat(schemas.path("OrderRequestBilling").path("properties").path("split_payment").path("type").asString())
			.isEqualTo("boolean");
		assertThat(schemas.path("Billing").path("properties").has("order_date")).isTrue();
		List<String> numbers = new ArrayList<>();
		findNumbers(document(), "$", numbers);
		assertThat(numbers).isEmpty();
	}

	@Test
	void theReferencePageListsEveryOperationAndLoadsNothingFromElsewhere() {
		ApiClient anonymous = new ApiClient(port, null);
		Answer page = anonymous.get("/api/v1/docs");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.headers("Set-Cookie")).isEmpty();
		assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
		String html = page.body();
		assertThat(html).contains("<html lang=\"it\"").contains("Riferimento dell&#39;API");
		document().path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
			assertThat(html).contains(method.getKey().toUpperCase() + " " + path.getKey());
			assertThat(html).contains(method.getValue().path("summary").asString().replace("'", "&#39;"));
		}));
		assertThat(html).contains("/api/v1/openapi.json");
		assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
		assertThat(html).doesNotContain("<script");
		// the document's `code` is shown as code
		assertThat(html).contains("<code>Authorization: Bearer &lt;key&gt;</code>").doesNotContain("`");

		String english = anonymous.get("/api/v1/docs", "Accept-Language", "en-GB,en;q=0.9").body();
		assertThat(english).contains("<html lang=\"en\"").contains("API reference");
	}

	private JsonNode document() {
		return new ApiClient(port, null).get("/api/v1/openapi.json").json();
	}

	private static void findNumbers(JsonNode node, String at, List<String> found) {
		if (node.isObject()) {
			JsonNode type = node.path("type");
			if (type.asString("").equals("number") || (type.isArray() && type.toString().contains("\"number\""))) {
				found.add(at);
			}
			node.properties().forEach(field -> findNumbers(field.getValue(), at + "." + field.getKey(), found));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				findNumbers(node.get(i), at + "[" + i + "]", found);
			}
		}
	}

}
