package it.rivendo.credit;

import it.rivendo.audit.AuditTrail;
import it.rivendo.audit.AuditTrail.AuditRecord;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manual corrections of a reseller's credit by staff, always with a reason. The ledger
 * stays immutable: a correction is a new entry, and a negative one is refused when the
 * balance does not cover it.
 */
@Service
public class CreditAdjustments {

	private final CreditLedger ledger;

	private final AuditTrail audit;

	CreditAdjustments(CreditLedger ledger, AuditTrail audit) {
		this.ledger = ledger;
		this.audit = audit;
	}

	/**
	 * @param amount positive adds, negative takes away
	 * @throws Refusal when the reason or the amount is missing
	 * @throws InsufficientCreditException when taking away more than the balance
	 */
	@Transactional
	public LedgerEntry adjust(long resellerId, Money amount, String reason, ShopUser staff) {
		if (!staff.isStaff()) {
			throw new org.springframework.security.access.AccessDeniedException("Only staff adjust credit");
		}
		if (reason == null || reason.isBlank() || amount.amount().signum() == 0) {
			throw new Refusal("adjust.error.input");
		}
		Money before = ledger.balanceOf(resellerId);
		LedgerEntry entry = amount.isPositive()
				? ledger.credit(resellerId, EntryKind.ADJUSTMENT, amount, "ADJ", reason.strip(), staff.email())
				: ledger.debit(resellerId, EntryKind.ADJUSTMENT, amount.negate(), "ADJ", reason.strip(), staff.email());
		audit.record(AuditRecord.of(staff.email(), "CREDIT_ADJUSTED", "reseller " + resellerId,
				before + " -> " + entry.balanceAfter() + " (" + amount + "): " + reason.strip()));
		return entry;
	}

}
