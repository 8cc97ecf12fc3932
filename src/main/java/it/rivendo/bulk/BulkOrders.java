package it.rivendo.bulk;

import it.rivendo.bulk.internal.BulkResult;
import it.rivendo.bulk.internal.BulkRow;
import it.rivendo.bulk.internal.BulkUpload;
import it.rivendo.bulk.internal.BulkUploadRepository;
import it.rivendo.bulk.internal.Offer;
import it.rivendo.bulk.internal.OrderFile;
import it.rivendo.bulk.internal.RowCheck;
import it.rivendo.catalog.Catalog;
import it.rivendo.catalog.PriceQuote;
import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.InsufficientCreditException;
import it.rivendo.ordering.BillingDetails;
import it.rivendo.ordering.BulkIssuer;
import it.rivendo.ordering.CheckoutService;
import it.rivendo.ordering.CustomerType;
import it.rivendo.ordering.OrderApprovals;
import it.rivendo.ordering.OrderBatch;
import it.rivendo.ordering.PlacedOrder;
import it.rivendo.services.Association;
import it.rivendo.services.PurchasedServices;
import it.rivendo.shared.Money;
import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.Refusal;
import it.rivendo.shared.VatBreakdown;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk issuance ("Ordine multiplo"): a file of rows (product, mode, quantity, the end
 * customer's e-mail and billing data) becomes a preview kept in the database, then, once
 * confirmed, one order per billing customer, all paid at once from the credit
 * ({@link CheckoutService#payBatch}), with each service that has an e-mail associated and
 * its activation link sent. Another reseller's upload is simply not found.
 */
@Service
@Transactional
public class BulkOrders implements BulkIssuer {

	/** The most rows a file may have. */
	public static final int MAX_ROWS = OrderFile.MAX_ROWS;

	/** The biggest file read, in bytes. */
	public static final int MAX_BYTES = OrderFile.MAX_BYTES;

	/** How long a preview nobody confirmed is kept. */
	static final Duration PREVIEW_KEPT = Duration.ofDays(7);

	private final BulkUploadRepository uploads;

	private final RowCheck check;

	private final Catalog catalog;

	private final CreditLedger credit;

	private final CheckoutService checkout;

	private final PurchasedServices services;

	private final Clock clock;

	BulkOrders(BulkUploadRepository uploads, RowCheck check, Catalog catalog, CreditLedger credit,
			CheckoutService checkout, PurchasedServices services, Clock clock) {
		this.uploads = uploads;
		this.check = check;
		this.catalog = catalog;
		this.credit = credit;
		this.checkout = checkout;
		this.services = services;
		this.clock = clock;
	}

	/**
	 * Reads and checks a file, and keeps it for its preview.
	 * @return the upload's id
	 * @throws Refusal when the file cannot be read as an order file (the message says
	 * why)
	 */
	public long upload(long resellerId, String fileName, byte[] content) {
		return upload(resellerId, null, fileName, content);
	}

	/**
	 * Reads and checks a file a user of the team uploaded, and keeps it for its preview.
	 * @param uploadedBy the user of the team who uploaded it
	 * @return the upload's id
	 * @throws Refusal when the file cannot be read as an order file (the message says
	 * why)
	 */
	public long upload(long resellerId, @Nullable Long uploadedBy, String fileName, byte[] content) {
		List<OrderFile.Line> lines = OrderFile.read(content);
		Offer offer = offer(resellerId);
		List<BulkRow> rows = new ArrayList<>(lines.size());
		for (OrderFile.Line line : lines) {
			rows.add(new BulkRow(line.number(), line.cells(), check.problems(line.cells(), offer)));
		}
		String name = fileName == null || fileName.isBlank() ? "file.csv" : fileName.strip();
		BulkUpload upload = uploads.save(new BulkUpload(resellerId, uploadedBy,
				name.substring(0, Math.min(name.length(), 200)), rows, clock.instant()));
		return upload.id();
	}

	@Transactional(readOnly = true)
	public BulkPreview preview(long resellerId, long uploadId) {
		BulkUpload upload = owned(resellerId, uploadId);
		Priced priced = price(upload, offer(resellerId));
		List<BulkResult> results = upload.results();
		List<BulkPreview.Row> rows = new ArrayList<>();
		for (int i = 0; i < priced.rows().size(); i++) {
			BulkPreview.Row row = priced.rows().get(i);
			if (i < results.size()) {
				BulkResult result = results.get(i);
				row = new BulkPreview.Row(row.lineNo(), row.cells(), row.problems(), row.quote(), row.quantity(),
						row.net(), row.customer(), new BulkPreview.Result(result.orderNumber(), result.serviceIds(),
								result.status() == BulkResult.Status.ASSOCIATED));
			}
			rows.add(row);
		}
		return new BulkPreview(upload.id(), upload.fileName(), upload.confirmed(), upload.confirmToken(),
				upload.createdAt(), rows, priced.customers(), priced.total(), credit.balanceOf(resellerId),
				rows.stream().filter(row -> !row.valid()).count());
	}

	/** The reseller's latest uploads, newest first. */
	@Transactional(readOnly = true)
	public List<BulkUploadSummary> recent(long resellerId, int count) {
		return recent(resellerId, null, count);
	}

	/**
	 * The reseller's latest uploads, newest first.
	 * @param uploadedBy only those this user of the team uploaded; null for all
	 */
	@Transactional(readOnly = true)
	public List<BulkUploadSummary> recent(long resellerId, @Nullable Long uploadedBy, int count) {
		return (uploadedBy == null ? uploads.findByResellerIdOrderByCreatedAtDesc(resellerId, PageRequest.of(0, count))
				: uploads.findByResellerIdAndUploadedByUserIdOrderByCreatedAtDesc(resellerId, uploadedBy,
						PageRequest.of(0, count)))
			.stream()
			.map(upload -> new BulkUploadSummary(upload.id(), upload.fileName(), upload.createdAt(), upload.confirmed(),
					upload.rows().size(), upload.problemCount()))
			.toList();
	}

	/**
	 * Pays the previewed rows: one order per billing customer, all from the credit in
	 * this one transaction, then the services with an e-mail associated (their activation
	 * links go through the outbox with the same commit). Confirming again (a double
	 * click, the form resubmitted, two at once) changes nothing: the upload is locked,
	 * and once confirmed it stays so.
	 * @param token the token of the preview the reseller saw
	 * @param expectedTotal the total the reseller saw
	 * @param placedBy the user who confirms (an Operatore's monthly limit applies), or
	 * null
	 * @throws Refusal when a row has a problem, the preview is not the current one, the
	 * total changed, the credit does not cover it all (nothing is charged, and the
	 * message says how much is missing) or it passes the Operatore's monthly limit
	 * ({@link it.rivendo.ordering.SpendingLimitExceededException}, saying what is left)
	 */
	public BulkPreview confirm(long resellerId, long uploadId, String token, Money expectedTotal, String actor,
			Long placedBy) {
		BulkUpload upload = lockOwned(resellerId, uploadId);
		if (upload.confirmed()) {
			return preview(resellerId, uploadId);
		}
		Priced priced = checked(resellerId, upload, token, expectedTotal);
		pay(resellerId, upload, priced, token, actor, placedBy);
		return preview(resellerId, uploadId);
	}

	/**
	 * The checked upload an Operatore sends for a Titolare's approval instead of
	 * confirming it (issue 17), locked until the caller's transaction ends; nothing is
	 * charged. Checked as a confirmation is.
	 * @throws Refusal as {@link #confirm} does before paying, or
	 * {@code bulk.confirm.already} when it was confirmed
	 */
	public OrderApprovals.BulkOrder forApproval(long resellerId, long uploadId, String token, Money expectedTotal) {
		BulkUpload upload = lockOwned(resellerId, uploadId);
		if (upload.confirmed()) {
			throw new Refusal("bulk.confirm.already");
		}
		Priced priced = checked(resellerId, upload, token, expectedTotal);
		Money taxable = priced.orders().stream().map(order -> order.totals().taxable()).reduce(Money.ZERO, Money::plus);
		Money vat = priced.orders().stream().map(order -> order.totals().vat()).reduce(Money.ZERO, Money::plus);
		return new OrderApprovals.BulkOrder(uploadId, token, upload.fileName(), upload.rows().size(),
				priced.orders().size(), taxable, vat, priced.total());
	}

	/**
	 * The upload priced today, as the reseller confirms it from its preview.
	 * @throws Refusal when the preview is not the current one, a row has a problem or the
	 * total changed
	 */
	private Priced checked(long resellerId, BulkUpload upload, String token, Money expectedTotal) {
		if (!upload.confirmToken().equals(token)) {
			throw new Refusal("bulk.confirm.stale");
		}
		if (upload.problemCount() > 0) {
			throw new Refusal("bulk.confirm.problems", upload.problemCount());
		}
		Priced priced = price(upload, offer(resellerId));
		if (priced.rows().stream().anyMatch(row -> !row.valid())) {
			throw new Refusal("bulk.confirm.changed");
		}
		if (!priced.total().equals(expectedTotal)) {
			throw new Refusal("bulk.confirm.totalChanged");
		}
		return priced;
	}

	/** Keeps an upload sent for approval until its request may wait no more. */
	public void holdForApproval(long resellerId, long uploadId, Instant until) {
		lockOwned(resellerId, uploadId).holdUntil(until);
	}

	/**
	 * A Titolare approved the Operatore's bulk order (issue 17): it is issued exactly as
	 * the Operatore's confirmation would, at today's prices, which must make the total
	 * the request was sent with.
	 */
	@Override
	public String issue(long resellerId, long uploadId, Money expectedTotal, String actor, long placedBy) {
		BulkUpload upload = lockOwned(resellerId, uploadId);
		if (upload.confirmed()) {
			throw new Refusal("approval.bulk.confirmed");
		}
		Priced priced = price(upload, offer(resellerId));
		if (upload.problemCount() > 0 || priced.rows().stream().anyMatch(row -> !row.valid())) {
			throw new Refusal("approval.bulk.changed");
		}
		if (!priced.total().equals(expectedTotal)) {
			throw new Refusal("approval.bulk.priceChanged", priced.total().amount());
		}
		return pay(resellerId, upload, priced, upload.confirmToken(), actor, placedBy).get(0).number();
	}

	/**
	 * Pays the priced rows, one order per billing customer, associates the services with
	 * an e-mail and records what each row became.
	 */
	private List<PlacedOrder> pay(long resellerId, BulkUpload upload, Priced priced, String token, String actor,
			Long placedBy) {
		long uploadId = upload.id();
		Money balance = credit.balanceOf(resellerId);
		if (balance.isLessThan(priced.total())) {
			throw new InsufficientCreditException(balance, priced.total());
		}
		List<PlacedOrder> placed;
		try {
			placed = checkout.payBatch(new OrderBatch(resellerId, token, actor, placedBy, priced.orders()));
		}
		catch (InsufficientCreditException ex) {
			// spent meanwhile by another payment: nothing of this batch stays charged
			throw new InsufficientCreditException(credit.balanceOf(resellerId), priced.total());
		}
		List<BulkResult> results = associate(resellerId, upload, priced, placed, actor);
		// paying and associating let go of what they loaded (see payBatch): the upload,
		// still locked by this transaction, is read again
		owned(resellerId, uploadId).confirm(results, actor, clock.instant());
		return placed;
	}

	/** Deletes the previews nobody confirmed within a week, every night. */
	@Scheduled(cron = "${rivendo.bulk.expiry-cron:0 40 3 * * *}")
	public int expire() {
		Instant now = clock.instant();
		return uploads.deletePreviewsBefore(now.minus(PREVIEW_KEPT), now);
	}

	private List<BulkResult> associate(long resellerId, BulkUpload upload, Priced priced, List<PlacedOrder> placed,
			String actor) {
		List<Long> lineIds = placed.stream().flatMap(order -> order.lineIds().stream()).toList();
		Map<Long, List<Long>> serviceIds = services.idsByOrderLine(resellerId, lineIds);
		List<Association> associations = new ArrayList<>();
		List<BulkResult> results = new ArrayList<>();
		int[] nextLine = new int[placed.size()];
		List<BulkRow> rows = upload.rows();
		for (int i = 0; i < rows.size(); i++) {
			int customer = priced.rows().get(i).customer();
			PlacedOrder order = placed.get(customer);
			long lineId = order.lineIds().get(nextLine[customer]++);
			List<Long> ids = serviceIds.getOrDefault(lineId, List.of());
			Map<BulkColumn, String> cells = rows.get(i).cells();
			String email = cells.get(BulkColumn.EMAIL);
			if (!email.isBlank()) {
				for (long id : ids) {
					associations.add(new Association(id, email, personName(cells)));
				}
			}
			results.add(new BulkResult(order.number(), ids,
					email.isBlank() ? BulkResult.Status.PAID : BulkResult.Status.ASSOCIATED));
		}
		services.associateAll(resellerId, associations, actor);
		return results;
	}

	private static String personName(Map<BulkColumn, String> cells) {
		String name = (cells.get(BulkColumn.FIRST_NAME) + " " + cells.get(BulkColumn.LAST_NAME)).strip();
		return BillingDetails.from(RowCheck.billing(cells)).customerType() == CustomerType.PERSON && !name.isEmpty()
				? name : null;
	}

	/**
	 * The rows priced with today's offer, and the orders they make: one per billing
	 * customer, in the order each first appears, its lines in the order of the rows.
	 */
	private record Priced(List<BulkPreview.Row> rows, List<BulkPreview.Customer> customers,
			List<OrderBatch.Order> orders, Money total) {
	}

	private static Priced price(BulkUpload upload, Offer offer) {
		Map<BillingDetails, List<OrderBatch.Item>> groups = new LinkedHashMap<>();
		Map<BillingDetails, Integer> index = new LinkedHashMap<>();
		List<BulkPreview.Row> rows = new ArrayList<>();
		for (BulkRow row : upload.rows()) {
			Map<BulkColumn, String> cells = row.cells();
			Map<String, String> problems = new LinkedHashMap<>(row.problems());
			PriceQuote quote = null;
			int quantity = 0;
			if (!problems.containsKey(BulkColumn.PRODUCT_CODE.field()) && !problems.containsKey(BulkColumn.MODE.field())
					&& !problems.containsKey(BulkColumn.QUANTITY.field())) {
				quantity = RowCheck.quantity(cells);
				quote = offer.quote(cells.get(BulkColumn.PRODUCT_CODE), RowCheck.mode(cells, offer)).orElse(null);
				if (quote == null) {
					// withdrawn from sale since the upload
					problems.put(BulkColumn.PRODUCT_CODE.field(), "bulk.product.unknown");
				}
			}
			int customer = -1;
			if (problems.isEmpty()) {
				BillingDetails billing = BillingDetails.from(RowCheck.billing(cells));
				customer = index.computeIfAbsent(billing, key -> index.size());
				groups.computeIfAbsent(billing, key -> new ArrayList<>()).add(new OrderBatch.Item(quote, quantity));
			}
			rows.add(new BulkPreview.Row(row.lineNo(), cells, problems, quote, quantity,
					quote == null ? null : quote.netPrice().times(quantity), customer, null));
		}
		List<OrderBatch.Order> orders = new ArrayList<>();
		List<BulkPreview.Customer> customers = new ArrayList<>();
		groups.forEach((billing, items) -> {
			OrderBatch.Order order = new OrderBatch.Order(billing, items);
			orders.add(order);
			VatBreakdown totals = order.totals();
			customers.add(new BulkPreview.Customer(billing.recipientName(), billing.vatNumber() != null
					? billing.vatNumber() : billing.taxCode() == null ? "" : billing.taxCode(), items.size(), totals));
		});
		Money total = orders.stream().map(order -> order.totals().total()).reduce(Money.ZERO, Money::plus);
		return new Priced(rows, customers, orders, total);
	}

	/**
	 * Checks that a user who sees only its own services may see this upload: one it
	 * uploaded itself.
	 * @param uploadedBy the user who sees only its own; null when the user sees the whole
	 * team's
	 * @throws NotFoundException when it is another reseller's, or a teammate's and the
	 * user sees only its own
	 */
	@Transactional(readOnly = true)
	public void requireVisible(long resellerId, @Nullable Long uploadedBy, long uploadId) {
		BulkUpload upload = owned(resellerId, uploadId);
		if (uploadedBy != null && !uploadedBy.equals(upload.uploadedByUserId())) {
			throw new NotFoundException("bulk upload " + uploadId);
		}
	}

	private Offer offer(long resellerId) {
		return new Offer(catalog.offerFor(resellerId, "", null));
	}

	private BulkUpload lockOwned(long resellerId, long uploadId) {
		return uploads.lockById(uploadId)
			.filter(found -> found.resellerId() == resellerId)
			.orElseThrow(() -> new NotFoundException("bulk upload " + uploadId));
	}

	private BulkUpload owned(long resellerId, long uploadId) {
		return uploads.findByIdAndResellerId(uploadId, resellerId)
			.orElseThrow(() -> new NotFoundException("bulk upload " + uploadId));
	}

}
