package it.rivendo.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.rivendo.shared.Refusal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which URLs the shop posts to: https to public addresses, checked after resolving the
 * name (no SSRF into the shop's network); loopback only with the setting.
 */
class EndpointAddressesTests {

	/** Names as a test DNS answers them; literal addresses as they are. */
	private static final Map<String, String[]> DNS = Map.of("hooks.example.com", new String[] { "93.184.216.34" },
			"internal.example.com", new String[] { "127.0.0.1" }, "mixed.example.com",
			new String[] { "93.184.216.34", "10.1.2.3" }, "localhost", new String[] { "127.0.0.1", "::1" },
			"loop-and-private.example.com", new String[] { "127.0.0.1", "192.168.1.10" });

	private static InetAddress[] resolve(String host) throws UnknownHostException {
		String[] names = DNS.get(host);
		if (names == null) {
			if (host.matches("[0-9.]+") || host.contains(":")) {
				return InetAddress.getAllByName(host);
			}
			throw new UnknownHostException(host);
		}
		InetAddress[] addresses = new InetAddress[names.length];
		for (int i = 0; i < names.length; i++) {
			addresses[i] = InetAddress.getByName(names[i]);
		}
		return addresses;
	}

	private final EndpointAddresses production = new EndpointAddresses(false, EndpointAddressesTests::resolve);

	private final EndpointAddresses demo = new EndpointAddresses(true, EndpointAddressesTests::resolve);

	@Test
	void httpsToAPublicAddressIsAccepted() {
		assertThat(production.check(" https://hooks.example.com/rivendo?x=1 ").toString())
			.isEqualTo("https://hooks.example.com/rivendo?x=1");
		assertThat(production.check("https://93.184.216.34:8443/hook").getPort()).isEqualTo(8443);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://10.0.0.1/hook", "https://172.16.5.4/hook", "https://192.168.0.1/hook",
			"https://169.254.169.254/latest/meta-data/", "https://[::1]/hook", "https://127.0.0.1/hook",
			"https://internal.example.com/hook", "https://localhost/hook", "https://0.0.0.0/hook", "https://[::]/hook",
			"https://[fd00::1]/hook", "https://[fe80::1]/hook", "https://224.0.0.1/hook", "https://100.64.0.1/hook",
			"https://[::ffff:10.0.0.1]/hook", "https://mixed.example.com/hook", "https://255.255.255.255/hook" })
	void addressesInsideAnyNetworkOfTheShopAreRefused(String url) {
		assertThatThrownBy(() -> production.check(url)).isInstanceOfSatisfying(Refusal.class,
				refusal -> assertThat(refusal.messageKey()).isEqualTo("webhooks.url.notPublic"));
	}

	@Test
	void plainHttpIsRefusedInProduction() {
		assertThatThrownBy(() -> production.check("http://hooks.example.com/hook")).isInstanceOfSatisfying(
				Refusal.class, refusal -> assertThat(refusal.messageKey()).isEqualTo("webhooks.url.https"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "hooks.example.com/hook", "ftp://hooks.example.com/", "https://", "https:///x",
			"javascript:alert(1)", "https://hooks.example.com/a#b", "https://exa mple.com/" })
	void whatIsNotAnAddressIsSaidSo(String url) {
		assertThatThrownBy(() -> production.check(url)).isInstanceOfSatisfying(Refusal.class,
				refusal -> assertThat(refusal.messageKey()).isEqualTo("webhooks.url.invalid"));
	}

	@Test
	void credentialsAndUnknownNamesAreSaidSo() {
		assertThatThrownBy(() -> production.check("https://user:pw@hooks.example.com/")).isInstanceOfSatisfying(
				Refusal.class, refusal -> assertThat(refusal.messageKey()).isEqualTo("webhooks.url.credentials"));
		assertThatThrownBy(() -> production.check("https://nowhere.example.com/")).isInstanceOfSatisfying(Refusal.class,
				refusal -> assertThat(refusal.messageKey()).isEqualTo("webhooks.url.unknownHost"));
	}

	@Test
	void withTheSettingLoopbackIsAcceptedAlsoOverHttpButNothingElsePrivate() {
		assertThat(demo.check("http://127.0.0.1:18105/hook").getPort()).isEqualTo(18105);
		assertThat(demo.check("http://localhost:9000/hook").getHost()).isEqualTo("localhost");
		assertThat(demo.check("http://[::1]:9000/hook").getPort()).isEqualTo(9000);
		assertThatThrownBy(() -> demo.check("http://10.0.0.1/hook")).isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> demo.check("https://169.254.169.254/")).isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> demo.check("http://loop-and-private.example.com/")).isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> demo.check("http://hooks.example.com/")).isInstanceOfSatisfying(Refusal.class,
				refusal -> assertThat(refusal.messageKey()).isEqualTo("webhooks.url.https"));
	}

}
