package it.rivendo.services;

import it.rivendo.catalog.Catalog;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.services.ActivationLinkException.Problem;
import it.rivendo.services.IdentificationProvider.IdentificationRequest;
import it.rivendo.services.internal.ActivationToken;
import it.rivendo.services.internal.ActivationTokens;
import it.rivendo.services.internal.IdentificationSession;
import it.rivendo.services.internal.IdentificationSessions;
import it.rivendo.services.internal.PurchasedService;
import it.rivendo.services.internal.PurchasedServiceRepository;
import it.rivendo.services.internal.ServiceEvent;
import it.rivendo.services.internal.ServiceLog;
import it.rivendo.shared.ItalianCodes;
import it.rivendo.shared.Refusal;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end customer's side: open the personal link (a GET only looks), confirm their data
 * (the POST uses the link up), be identified by the provider, and the service becomes
 * active. Without an identification provider (outside the demo, until a real one is
 * plugged in) the service waits "in verifica" until staff confirm the identification
 * ({@link ServiceAdministration#confirmIdentification}).
 */
@Service
@Transactional
public class Activation {

	private final ActivationTokens tokens;

	private final PurchasedServiceRepository services;

	private final IdentificationSessions identifications;

	private final Optional<IdentificationProvider> provider;

	private final ResellerAccounts accounts;

	private final ServiceLog log;

	private final Catalog catalog;

	Activation(ActivationTokens tokens, PurchasedServiceRepository services, IdentificationSessions identifications,
			Optional<IdentificationProvider> provider, ResellerAccounts accounts, ServiceLog log, Catalog catalog) {
		this.catalog = catalog;
		this.tokens = tokens;
		this.services = services;
		this.identifications = identifications;
		this.provider = provider;
		this.accounts = accounts;
		this.log = log;
	}

	/**
	 * What the link leads to. Changes nothing: mail scanners open links before people do.
	 * @throws ActivationLinkException when the link is unknown, expired, replaced or used
	 */
	@Transactional(readOnly = true)
	public ActivationPage open(String token) {
		ActivationToken link = tokens.find(token).orElseThrow(() -> new ActivationLinkException(Problem.UNKNOWN));
		PurchasedService service = services.findById(link.serviceId()).orElseThrow();
		if (!link.usableAt(log.now()) || service.status() != ServiceStatus.ASSOCIATED) {
			throw new ActivationLinkException(problemOf(token));
		}
		String reseller = accounts.profile(service.resellerId()).map(profile -> profile.companyName()).orElse("");
		return new ActivationPage(service.productCode(), service.productName(), catalog.familyCode(service.productId()),
				service.mode(), service.customerEmail(), reseller, service.activationDeadline(),
				provider.map(IdentificationProvider::demo).orElse(false), provider.isEmpty());
	}

	/**
	 * The end customer confirmed their data: the link is used up and identification
	 * starts, at the provider or, without one, by staff.
	 * @return where the customer's browser goes next: the identification provider, or the
	 * page that says the identification is being checked
	 * @throws ActivationLinkException when the link is not usable (any more)
	 * @throws Refusal when the e-mail already holds an active service under another
	 * codice fiscale
	 */
	public String start(String token, EndCustomer customer) {
		ActivationToken link = tokens.lockUsable(token)
			.orElseThrow(() -> new ActivationLinkException(problemOf(token)));
		PurchasedService service = services.lockById(link.serviceId()).orElseThrow();
		EndCustomer normalized = new EndCustomer(customer.firstName().strip(), customer.lastName().strip(),
				ItalianCodes.normalize(customer.taxCode()), customer.mobile().strip(), pecAddress(service, customer));
		if (services.activeWithAnotherTaxCode(service.customerEmail(), normalized.taxCode())) {
			throw new Refusal("activation.error.emailTaken");
		}
		service.startActivation(normalized, log.now());
		tokens.use(link);
		log.record(service, ServiceEvent.Kind.ACTIVATION_STARTED, normalized.firstName() + " " + normalized.lastName(),
				service.customerEmail());
		if (provider.isEmpty()) {
			service.awaitIdentityCheck(log.now());
			return "/identification/" + identifications.open(service, IdentificationSessions.STAFF).reference();
		}
		IdentificationSession session = identifications.open(service, provider.get().name());
		return provider.get()
			.start(new IdentificationRequest(session.reference(), service.productCode(), service.mode(), normalized,
					service.customerEmail()));
	}

	/**
	 * The provider's answer. Arriving twice changes nothing the second time. Only the
	 * provider's own identifications are answered here: one that staff check is not.
	 */
	public void identificationCompleted(String reference, boolean succeeded) {
		IdentificationProvider answering = provider.orElseThrow(() -> new ActivationLinkException(Problem.UNKNOWN));
		IdentificationSession session = identifications.lock(reference)
			.filter(found -> found.provider().equals(answering.name()))
			.orElseThrow(() -> new ActivationLinkException(Problem.UNKNOWN));
		if (!identifications.complete(session, succeeded)) {
			return;
		}
		PurchasedService service = services.lockById(session.serviceId()).orElseThrow();
		if (!succeeded) {
			log.record(service, ServiceEvent.Kind.IDENTIFICATION_FAILED, answering.name(), "provider");
			return;
		}
		service.activate(log.now());
		log.record(service, ServiceEvent.Kind.ACTIVATED, answering.name(), "provider");
		log.sendActivated(service);
	}

	/**
	 * The PEC address a PEC mailbox's customer chose, in lower case; none for other
	 * products.
	 */
	private String pecAddress(PurchasedService service, EndCustomer customer) {
		if (!ActivationPage.PEC_FAMILY.equals(catalog.familyCode(service.productId()))) {
			return null;
		}
		if (customer.pecAddress() == null || customer.pecAddress().isBlank()) {
			throw new Refusal("activation.pecAddress.required");
		}
		return customer.pecAddress().strip().toLowerCase(Locale.ROOT);
	}

	private Problem problemOf(String token) {
		return tokens.find(token).map(link -> link.used() ? Problem.USED : Problem.EXPIRED).orElse(Problem.UNKNOWN);
	}

	/**
	 * Where an identification stands, for the end customer's page and the demo
	 * provider's.
	 */
	@Transactional(readOnly = true)
	public Optional<IdentificationState> identification(String reference) {
		return identifications.find(reference).map(session -> {
			PurchasedService service = services.findById(session.serviceId()).orElseThrow();
			return new IdentificationState(session.reference(), session.status().name(), service.productName(),
					service.mode(), service.status(), IdentificationSessions.STAFF.equals(session.provider()));
		});
	}

	public record IdentificationState(String reference, String status, it.rivendo.shared.LocalizedText productName,
			it.rivendo.catalog.IdentificationMode mode, ServiceStatus serviceStatus, boolean checkedByStaff) {
	}

}
