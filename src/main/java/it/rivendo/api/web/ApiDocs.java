package it.rivendo.api.web;

/** The API's documentation: open to anyone, no key needed. */
final class ApiDocs {

	static final String OPENAPI_PATH = "/api/v1/openapi.json";

	static final String REFERENCE_PATH = "/api/v1/docs";

	static final String[] PUBLIC_PATHS = { OPENAPI_PATH, REFERENCE_PATH, REFERENCE_PATH + "/**" };

	static final String CURSOR = "The next_cursor of the previous slice.";

	static final String LIMIT = "How many in one slice: 1 to 100, default 50.";

	private ApiDocs() {
	}

}
