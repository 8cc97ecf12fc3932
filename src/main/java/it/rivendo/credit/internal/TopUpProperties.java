package it.rivendo.credit.internal;

import it.rivendo.credit.TopUps.BankDetails;
import it.rivendo.shared.Money;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The top-up settings under {@code rivendo.topup.*}.
 *
 * @param minAmount the smallest top-up ({@code rivendo.topup.min-amount}, 50.00 unless
 * set)
 * @param maxAmount the largest top-up ({@code rivendo.topup.max-amount}, 50000.00 unless
 * set)
 * @param bank where bank transfers go ({@code rivendo.topup.bank.beneficiary},
 * {@code .iban}, {@code .name})
 */
@ConfigurationProperties("rivendo.topup")
public record TopUpProperties(Money minAmount, Money maxAmount, BankDetails bank) {

	public TopUpProperties {
		minAmount = minAmount == null ? Money.of("50.00") : minAmount;
		maxAmount = maxAmount == null ? Money.of("50000.00") : maxAmount;
		bank = bank == null ? new BankDetails(null, null, null) : bank;
		bank = new BankDetails(bank.beneficiary() == null ? "Rivendo S.r.l." : bank.beneficiary(),
				bank.iban() == null ? "IT60X0542811101000000123456" : bank.iban(),
				bank.name() == null ? "Banca di Esempio" : bank.name());
	}
}
