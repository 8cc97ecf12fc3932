package it.rivendo.api.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's reference for people, at {@code /api/v1/docs}: the OpenAPI document of
 * {@code /api/v1/openapi.json} as one plain HTML page (operations by tag with their
 * parameters and answers, then the shapes of the bodies), served by the shop itself: no
 * script, nothing from elsewhere, so it reads offline and behind any firewall. Open to
 * anyone, like the document; no cookie is read or set: the page is in Italian unless
 * {@code Accept-Language} prefers English (the texts of the document are in English).
 */
@Hidden
@Controller
class ApiReferenceController {

	private final OpenApiWebMvcResource document;

	private final JsonMapper json;

	ApiReferenceController(OpenApiWebMvcResource document, JsonMapper json) {
		this.document = document;
		this.json = json;
	}

	@GetMapping(ApiDocs.REFERENCE_PATH)
	String reference(HttpServletRequest request, HttpServletResponse response, Model model) throws Exception {
		Locale locale = ApiProblems.localeOf(request);
		// the page's language, said to the shop's locale resolver for this request only
		// (it would otherwise read its cookie)
		request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, locale);
		response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
		response.setHeader("Content-Security-Policy",
				"default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
		JsonNode openApi = json.readTree(document.openapiJson(request, ApiDocs.REFERENCE_PATH, locale));
		model.addAttribute("lang", locale.getLanguage());
		model.addAttribute("info", openApi.path("info"));
		model.addAttribute("intro", parts(text(openApi.path("info"), "description")));
		model.addAttribute("version", openApi.path("openapi").asString());
		model.addAttribute("groups", groups(openApi));
		model.addAttribute("models", models(openApi.path("components").path("schemas")));
		return "api/reference";
	}

	/** The operations, by their first tag, in the document's order of paths. */
	private static List<Group> groups(JsonNode openApi) {
		Map<String, String> tagDescriptions = new LinkedHashMap<>();
		openApi.path("tags").forEach(tag -> tagDescriptions.put(tag.path("name").asString(), text(tag, "description")));
		Map<String, List<Operation>> byTag = new LinkedHashMap<>();
		tagDescriptions.keySet().forEach(tag -> byTag.put(tag, new ArrayList<>()));
		openApi.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
			JsonNode operation = entry.getValue();
			if (!operation.isObject() || !operation.has("responses")) {
				return;
			}
			String tag = operation.path("tags").path(0).asString("api");
			byTag.computeIfAbsent(tag, missing -> new ArrayList<>())
				.add(operation(path.getKey(), entry.getKey(), operation));
		}));
		List<Group> groups = new ArrayList<>();
		byTag.forEach((tag, operations) -> {
			if (!operations.isEmpty()) {
				groups.add(new Group(tag, tagDescriptions.getOrDefault(tag, ""), operations));
			}
		});
		return groups;
	}

	private static Operation operation(String path, String method, JsonNode operation) {
		List<Parameter> parameters = new ArrayList<>();
		operation.path("parameters")
			.forEach(parameter -> parameters.add(new Parameter(parameter.path("name").asString(),
					parameter.path("in").asString(), parameter.path("required").asBoolean(false),
					type(parameter.path("schema")), text(parameter, "description"))));
		String body = null;
		JsonNode content = operation.path("requestBody").path("content");
		if (!content.isMissingNode()) {
			body = content.properties()
				.stream()
				.map(media -> media.getKey() + ": " + type(media.getValue().path("schema")))
				.reduce((a, b) -> a + ", " + b)
				.orElse(null);
		}
		List<Answer> answers = new ArrayList<>();
		operation.path("responses").properties().forEach(answer -> {
			JsonNode media = answer.getValue().path("content");
			String shape = media.properties()
				.stream()
				.map(each -> each.getKey() + ": " + type(each.getValue().path("schema")))
				.reduce((a, b) -> a + ", " + b)
				.orElse("");
			answers.add(new Answer(answer.getKey(), text(answer.getValue(), "description"), shape));
		});
		String verb = method.toUpperCase(Locale.ROOT);
		String id = operation.path("operationId").asString((verb + path).replaceAll("[^A-Za-z0-9]+", "-"));
		return new Operation(id, verb, path, text(operation, "summary"), parts(text(operation, "description")),
				parameters, body, answers);
	}

	private static List<ModelShape> models(JsonNode schemas) {
		List<ModelShape> models = new ArrayList<>();
		schemas.properties().forEach(schema -> {
			List<String> required = new ArrayList<>();
			schema.getValue().path("required").forEach(name -> required.add(name.asString()));
			List<Property> properties = new ArrayList<>();
			schema.getValue()
				.path("properties")
				.properties()
				.forEach(property -> properties.add(new Property(property.getKey(), type(property.getValue()),
						required.contains(property.getKey()), text(property.getValue(), "description"))));
			models.add(new ModelShape(schema.getKey(), text(schema.getValue(), "description"), properties));
		});
		return models;
	}

	/**
	 * A schema in a few words: {@code Order}, {@code string (date-time)},
	 * {@code Service[]}.
	 */
	static String type(JsonNode schema) {
		if (schema.has("$ref")) {
			String ref = schema.path("$ref").asString();
			return ref.substring(ref.lastIndexOf('/') + 1);
		}
		JsonNode type = schema.path("type");
		String name;
		if (type.isArray()) {
			List<String> names = new ArrayList<>();
			type.forEach(each -> names.add(each.asString()));
			name = String.join(" | ", names);
		}
		else {
			name = type.asString("object");
		}
		if (name.startsWith("array")) {
			return type(schema.path("items")) + "[]";
		}
		if (schema.has("format")) {
			name += " (" + schema.path("format").asString() + ")";
		}
		return name;
	}

	/**
	 * A text of the document in pieces: what stands between backquotes (Markdown's inline
	 * code) is code, the rest plain text.
	 */
	static List<Part> parts(String text) {
		List<Part> parts = new ArrayList<>();
		String[] pieces = text.split("`", -1);
		for (int i = 0; i < pieces.length; i++) {
			if (!pieces[i].isEmpty()) {
				parts.add(new Part(pieces[i], i % 2 == 1 && i < pieces.length - 1));
			}
		}
		return parts;
	}

	private static String text(JsonNode node, String field) {
		return node.path(field).asString("");
	}

	record Group(String name, String description, List<Operation> operations) {
	}

	record Operation(String id, String method, String path, String summary, List<Part> description,
			List<Parameter> parameters, String body, List<Answer> answers) {
	}

	/** A piece of a text: code or not. */
	record Part(String text, boolean code) {
	}

	record Parameter(String name, String in, boolean required, String type, String description) {
	}

	record Answer(String status, String description, String content) {
	}

	record ModelShape(String name, String description, List<Property> properties) {
	}

	record Property(String name, String type, boolean required, String description) {
	}

}
