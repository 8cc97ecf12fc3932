package it.rivendo.webhooks.internal;

import it.rivendo.shared.Refusal;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which URLs the shop will post to: {@code https} to public addresses only, checked when
 * an endpoint is registered and again before every attempt (a name may point elsewhere
 * later: DNS rebinding). The name is resolved and every address it has must be public:
 * loopback, private (10/8, 172.16/12, 192.168/16), shared (100.64/10), link-local
 * (169.254/16, where cloud metadata lives; fe80::/10), unique local (fc00::/7),
 * multicast, "this network" (0/8, ::) and reserved ranges are refused, so no endpoint
 * reaches into the shop's own network. With {@code allowLoopbackHttp} (demo, tests) a
 * name that resolves only to loopback addresses is accepted, also over {@code http}.
 * <p>
 * The attempt connects right after the check, and Java caches the name's addresses (30 s
 * by default), so it connects to the addresses checked.
 */
@Component
public class EndpointAddresses {

	/** Resolves a host name: {@link InetAddress#getAllByName} outside the tests. */
	@FunctionalInterface
	public interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	private final boolean allowLoopback;

	private final Resolver resolver;

	@Autowired
	EndpointAddresses(WebhooksProperties properties) {
		this(properties.allowLoopbackHttp(), InetAddress::getAllByName);
	}

	public EndpointAddresses(boolean allowLoopback, Resolver resolver) {
		this.allowLoopback = allowLoopback;
		this.resolver = resolver;
	}

	/**
	 * The URL, trimmed, when the shop may post to it.
	 * @throws Refusal saying what is wrong with it, in words for the page
	 */
	public URI check(String url) {
		URI uri = parse(url);
		String host = uri.getHost();
		InetAddress[] addresses;
		try {
			addresses = resolver.resolve(host);
		}
		catch (UnknownHostException ex) {
			throw new Refusal("webhooks.url.unknownHost", host);
		}
		if (addresses.length == 0) {
			throw new Refusal("webhooks.url.unknownHost", host);
		}
		boolean allLoopback = Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
		for (InetAddress address : addresses) {
			if (address.isLoopbackAddress() ? !(allowLoopback && allLoopback) : notPublic(address)) {
				throw new Refusal("webhooks.url.notPublic", host, address.getHostAddress());
			}
		}
		if ("http".equals(uri.getScheme()) && !(allowLoopback && allLoopback)) {
			throw new Refusal("webhooks.url.https");
		}
		return uri;
	}

	private static URI parse(String url) {
		URI uri;
		try {
			uri = new URI(url == null ? "" : url.strip());
		}
		catch (URISyntaxException ex) {
			throw new Refusal("webhooks.url.invalid");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.isOpaque()) {
			throw new Refusal("webhooks.url.invalid");
		}
		if (uri.getRawUserInfo() != null) {
			throw new Refusal("webhooks.url.credentials");
		}
		if (uri.getRawFragment() != null) {
			throw new Refusal("webhooks.url.invalid");
		}
		return uri.normalize();
	}

	/** Whether an address (not loopback) is anything but a public unicast address. */
	static boolean notPublic(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
				|| address.isMulticastAddress() || address.isLoopbackAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			return first == 0 // this network
					|| (first == 100 && second >= 64 && second <= 127) // shared, carrier
																		// NAT
					|| (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF
					|| (first == 198 && (second == 18 || second == 19)) // benchmarking
					|| first >= 240; // reserved, broadcast
		}
		if (address instanceof Inet6Address) {
			int first = bytes[0] & 0xff;
			boolean uniqueLocal = (first & 0xfe) == 0xfc;
			boolean mappedOrCompatible = isZero(bytes, 0, 10)
					&& ((bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) || (bytes[10] == 0 && bytes[11] == 0));
			boolean nat64 = first == 0x00 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
					&& (bytes[3] & 0xff) == 0x9b;
			return uniqueLocal || mappedOrCompatible || nat64;
		}
		return true;
	}

	private static boolean isZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

}
