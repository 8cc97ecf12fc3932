package it.rivendo.shared;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop-wide settings under {@code rivendo.*}; each module keeps its own under
 * {@code rivendo.<module>.*} in a record of its own.
 *
 * @param publicUrl the address people reach the shop at ({@code RIVENDO_PUBLIC_URL}):
 * links in e-mails and QR codes
 */
@ConfigurationProperties("rivendo")
public record ShopProperties(URI publicUrl) {

	public ShopProperties {
		if (publicUrl == null) {
			publicUrl = URI.create("http://localhost:8080");
		}
	}

	/**
	 * The public address without a trailing slash, to put a page's path after:
	 * {@code baseUrl() + "/login"}.
	 */
	public String baseUrl() {
		return publicUrl.toString().replaceAll("/+$", "");
	}
}
