package it.rivendo.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP endpoint on 127.0.0.1 (a random port) for the tests: it verifies every
 * request's signature with its own implementation of the Standard Webhooks spec (not the
 * shop's), keeps what it received, and answers the status the test sets.
 */
final class WebhookReceiver implements AutoCloseable {

	/** One request as received. */
	record Received(String id, long timestamp, String signature, String body, boolean signatureValid) {
	}

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicReference<IntSupplier> status = new AtomicReference<>(() -> 204);

	private volatile String secret = "";

	WebhookReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		server.setExecutor(Executors.newFixedThreadPool(8));
		server.createContext("/hook", exchange -> {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			String id = exchange.getRequestHeaders().getFirst("webhook-id");
			String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
			String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
			received.add(new Received(id, Long.parseLong(timestamp), signature, body,
					verify(secret, id, timestamp, body, signature)));
			int code = status.get().getAsInt();
			exchange.sendResponseHeaders(code, -1);
			exchange.close();
		});
		server.start();
	}

	/** The URL to register, over plain http to 127.0.0.1 (allowed in the tests). */
	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	void secret(String secret) {
		this.secret = secret;
	}

	void answer(int code) {
		status.set(() -> code);
	}

	void answer(IntSupplier codes) {
		status.set(codes);
	}

	List<Received> received() {
		return new ArrayList<>(received);
	}

	/**
	 * The spec, written out again: the key is the base64 after {@code whsec_}; the header
	 * holds space-separated {@code v1,<base64>} signatures of {@code id.timestamp.body};
	 * compared in constant time.
	 */
	static boolean verify(String secret, String id, String timestamp, String body, String header) {
		if (secret == null || !secret.startsWith("whsec_") || header == null) {
			return false;
		}
		try {
			Mac hmac = Mac.getInstance("HmacSHA256");
			hmac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
			byte[] expected = hmac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			for (String candidate : header.split(" ")) {
				String[] parts = candidate.split(",", 2);
				if (parts.length == 2 && parts[0].equals("v1")
						&& MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
					return true;
				}
			}
			return false;
		}
		catch (Exception ex) {
			return false;
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
