package it.rivendo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every text exists in Italian and in English, in the bundle of the module it belongs to:
 * one pair of files per module ({@code i18n/<module>.properties} and
 * {@code <module>_en.properties}), all of them named in {@code spring.messages.basename},
 * and {@code i18n/shared} for the page frame, the forms and validation. A key is defined
 * once, and its name says whose it is: the longest of the prefixes below that it starts
 * with belongs to its bundle.
 */
class MessageBundlesTests {

	/** Who owns which key prefix (a prefix covers itself and what follows a dot). */
	private static final Map<String, List<String>> PREFIXES = Map.ofEntries(
			Map.entry("shared",
					List.of("app", "billing", "error", "filters", "footer", "form", "legal", "meta", "nav",
							"typeMismatch", "validation")),
			Map.entry("admin", List.of("admin.dashboard", "admin.reseller", "admin.resellers", "admin.title")),
			Map.entry("api", List.of("api")), Map.entry("audit", List.of("audit")), Map.entry("bulk", List.of("bulk")),
			Map.entry("cart", List.of("cart")),
			Map.entry("catalog",
					List.of("admin.catalog", "admin.discounts", "admin.tiers", "catalog", "mode", "product", "tier")),
			Map.entry("credit", List.of("adjust", "admin.topups", "credit", "mail.topup", "topup")),
			Map.entry("export", List.of("export")), Map.entry("handoff", List.of("handoff")),
			Map.entry("home", List.of("home")),
			Map.entry("identity", List.of("login", "mail.reset", "mail.team", "password", "reset", "team")),
			Map.entry("invoicing", List.of("admin.order", "invoicing")),
			Map.entry("mail", List.of("mail.greeting", "mail.signature", "outbox")),
			Map.entry("onboarding", List.of("admin.applications", "apply", "mail.apply", "mail.staff")),
			Map.entry("ordering",
					List.of("admin.orders", "approval", "checkout", "completed", "mail.approval", "mail.purchase",
							"order", "orders")),
			Map.entry("services",
					List.of("activation", "admin.identity", "admin.service", "admin.services", "associate",
							"identification", "mail.activated", "mail.activation", "mail.identificationRefused",
							"mail.reminder", "service", "services")),
			Map.entry("support", List.of("mail.support", "support")),
			Map.entry("webhooks", List.of("mail.webhooks", "webhooks")));

	@Test
	void everyModuleSpeaksItalianAndEnglishWithTheSameKeys() throws IOException {
		for (String bundle : configuredBundles()) {
			Properties italian = load(bundle + ".properties");
			Properties english = load(bundle + "_en.properties");
			assertThat(italian).as(bundle).isNotEmpty();
			assertThat(english.stringPropertyNames()).as(bundle)
				.containsExactlyInAnyOrderElementsOf(italian.stringPropertyNames());
		}
	}

	@Test
	void everyBundleOnTheClasspathIsConfiguredAndNamedAfterAModule() throws IOException {
		Set<String> found = new TreeSet<>();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:i18n/*.properties")) {
			found.add("i18n/" + resource.getFilename().replaceFirst("(_en)?\\.properties$", ""));
		}
		assertThat(found).containsExactlyInAnyOrderElementsOf(configuredBundles());
		for (String bundle : configuredBundles()) {
			String module = module(bundle);
			assertThat(PREFIXES).as("prefixes of " + module).containsKey(module);
			if (!module.equals("shared")) {
				assertThat(new ClassPathResource("it/rivendo/" + module).exists()).as("module " + module).isTrue();
			}
		}
	}

	@Test
	void aKeyIsDefinedOnceInTheBundleOfTheModuleItsNameNames() throws IOException {
		Map<String, String> bundleOfKey = new HashMap<>();
		List<String> problems = new ArrayList<>();
		for (String bundle : configuredBundles()) {
			for (String key : load(bundle + ".properties").stringPropertyNames()) {
				String other = bundleOfKey.put(key, bundle);
				if (other != null) {
					problems.add(key + " is in " + other + " and in " + bundle);
				}
				String owner = owner(key);
				if (!module(bundle).equals(owner)) {
					problems.add(key + " is in " + bundle + " but its prefix is " + owner + "'s");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	/** The module that owns the longest prefix the key starts with, or null. */
	private static String owner(String key) {
		String owner = null;
		int longest = -1;
		for (Map.Entry<String, List<String>> entry : PREFIXES.entrySet()) {
			for (String prefix : entry.getValue()) {
				if ((key.equals(prefix) || key.startsWith(prefix + ".")) && prefix.length() > longest) {
					owner = entry.getKey();
					longest = prefix.length();
				}
			}
		}
		return owner;
	}

	private static String module(String bundle) {
		return bundle.substring("i18n/".length());
	}

	private static List<String> configuredBundles() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		String basenames = yaml.getObject().getProperty("spring.messages.basename");
		return Arrays.stream(basenames.split(",")).map(String::strip).toList();
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
