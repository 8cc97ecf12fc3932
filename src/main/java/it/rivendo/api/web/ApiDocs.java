package it.rivendo.api.web;

/** The API's documentation: open to anyone, no key needed. */
final class ApiDocs {

	static final String OPENAPI_PATH = "/api/v1/openapi.json";

	static final String[] PUBLIC_PATHS = { OPENAPI_PATH, "/api/v1/docs", "/api/v1/docs/**" };

	private ApiDocs() {
	}

}
