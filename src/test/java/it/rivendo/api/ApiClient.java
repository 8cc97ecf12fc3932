package it.rivendo.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The partner API over real HTTP, as an integrator's software calls it: a bearer key (or
 * none), JSON in and out, no cookies kept.
 */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String key;

	public ApiClient(int port, String key) {
		this.base = "http://127.0.0.1:" + port;
		this.key = key;
	}

	public ApiClient withKey(String otherKey) {
		return new ApiClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherKey);
	}

	public Answer get(String path, String... headers) {
		return send(request(path, headers).GET());
	}

	public Answer post(String path, String json, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return request;
	}

	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Answer(response.statusCode(), response, response.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An answer: status, headers, body (as text, bytes or JSON). */
	public record Answer(int status, HttpResponse<byte[]> response, byte[] bytes) {

		public String body() {
			return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return JSON.readTree(bytes);
		}

		public String header(String name) {
			return response.headers().firstValue(name).orElse(null);
		}

		public List<String> headers(String name) {
			return response.headers().allValues(name);
		}

		public String contentType() {
			return header("Content-Type");
		}

	}

}
