package it.rivendo.api.web;

import it.rivendo.api.ApiCaller;
import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.LedgerEntry;
import it.rivendo.shared.Formats;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A reseller's credit: {@code GET /api/v1/balance} and {@code /ledger}. */
@RestController
@RequestMapping("/api/v1")
class ApiCreditController implements ApiEndpoint {

	private final CreditLedger credit;

	ApiCreditController(CreditLedger credit) {
		this.credit = credit;
	}

	@GetMapping("/balance")
	ApiJson.Balance balance(@AuthenticationPrincipal ApiCaller caller) {
		return ApiJson.Balance.of(credit.balanceOf(caller.resellerId()));
	}

	/**
	 * The credit's movements newest first, optionally between two days (Italian time,
	 * both included), a slice at a time.
	 */
	@GetMapping("/ledger")
	ApiJson.Slice<ApiJson.Entry> ledger(@AuthenticationPrincipal ApiCaller caller,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		int size = ApiCursor.limit(limit);
		Instant start = from == null ? null : from.atStartOfDay(Formats.SHOP_ZONE).toInstant();
		Instant end = to == null ? null : to.plusDays(1).atStartOfDay(Formats.SHOP_ZONE).toInstant();
		List<LedgerEntry> rows = credit.entriesBefore(caller.resellerId(), start, end, ApiCursor.decode(cursor),
				size + 1);
		return ApiCursor.slice(rows, size, LedgerEntry::id, ApiJson.Entry::of);
	}

}
