package it.rivendo.support;

import it.rivendo.audit.AuditTrail;
import it.rivendo.audit.AuditTrail.AuditRecord;
import it.rivendo.ordering.OrderHistory;
import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.Refusal;
import it.rivendo.shared.Throttle;
import it.rivendo.support.internal.SupportMails;
import it.rivendo.support.internal.SupportRequest;
import it.rivendo.support.internal.SupportRequestRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Contattaci": support requests from resellers and the public, answered and closed by
 * staff. Changes go through the {@link SupportRequest} aggregate, loaded with a lock; the
 * pages read requests with their answers in SQL. Every e-mail goes through the outbox in
 * the same transaction, and every staff action is written to the audit trail.
 */
@Service
@Transactional
public class SupportDesk {

	private static final String SELECT = """
			select r.*, a.body, a.answered_by, a.created_at as answered_at
			from support_request r left join support_answer a on a.request_id = r.id
			""";

	/**
	 * Acknowledgements to an address someone typed, whoever typed it: at most 3 a day.
	 */
	static final Throttle.Limit ACKNOWLEDGEMENTS_PER_RECIPIENT = new Throttle.Limit("contact-recipient", 3,
			Duration.ofDays(1));

	private final JdbcClient jdbc;

	private final SupportRequestRepository requests;

	private final OrderHistory orders;

	private final SupportMails mails;

	private final AuditTrail audit;

	private final Clock clock;

	private final Throttle throttle;

	private final TransactionTemplate outsideTransaction;

	SupportDesk(JdbcClient jdbc, SupportRequestRepository requests, OrderHistory orders, SupportMails mails,
			AuditTrail audit, Clock clock, Throttle throttle, PlatformTransactionManager transactions) {
		this.throttle = throttle;
		this.outsideTransaction = new TransactionTemplate(transactions);
		this.outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
		this.jdbc = jdbc;
		this.requests = requests;
		this.orders = orders;
		this.mails = mails;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Whether a reseller may name this order in a request: only one of its own. Asked
	 * outside the caller's transaction, since "not found" is an exception that would
	 * otherwise mark that transaction for rollback.
	 */
	public boolean ownsOrder(long resellerId, String orderNumber) {
		return Boolean.TRUE.equals(outsideTransaction.execute(status -> {
			try {
				orders.details(resellerId, orderNumber.strip());
				return true;
			}
			catch (NotFoundException ex) {
				return false;
			}
		}));
	}

	/**
	 * Records a request and writes the acknowledgement to the sender into the outbox. An
	 * address typed by someone not signed in gets at most
	 * {@link #ACKNOWLEDGEMENTS_PER_RECIPIENT}; the request is recorded all the same.
	 * @throws Refusal when a reseller names an order that is not one of theirs
	 */
	public long open(NewSupportRequest request) {
		String order = request.orderNumber();
		if (request.resellerId() != null && order != null && !order.isBlank()
				&& !ownsOrder(request.resellerId(), order)) {
			throw new Refusal("support.error.orderNotYours");
		}
		SupportRequest opened = requests.save(new SupportRequest(request.resellerId(), request.senderName(),
				request.senderEmail(), request.topic(), order, request.message(), request.locale(), clock.instant()));
		if (request.resellerId() != null
				|| throttle.take(ACKNOWLEDGEMENTS_PER_RECIPIENT, request.senderEmail()).isEmpty()) {
			mails.received(opened);
		}
		return opened.id();
	}

	@Transactional(readOnly = true)
	public List<SupportRequestView> ofReseller(long resellerId) {
		return read(SELECT + "where r.reseller_id = :reseller order by r.created_at desc, r.id desc, a.id",
				Map.of("reseller", resellerId));
	}

	/**
	 * @throws NotFoundException when there is no such request, or it is another
	 * reseller's
	 */
	@Transactional(readOnly = true)
	public SupportRequestView ofReseller(long resellerId, long id) {
		SupportRequestView request = view(id);
		if (!Long.valueOf(resellerId).equals(request.resellerId())) {
			throw new NotFoundException("support request " + id);
		}
		return request;
	}

	/** Requests for staff, newest first, optionally only those in one status. */
	@Transactional(readOnly = true)
	public Page<SupportRequestView> search(SupportStatus status, Pageable page) {
		String where = status == null ? "true" : "status = :status";
		Map<String, Object> params = new LinkedHashMap<>();
		if (status != null) {
			params.put("status", status.name());
		}
		long total = jdbc.sql("select count(*) from support_request where " + where)
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", page.getPageSize());
		params.put("offset", page.getOffset());
		List<SupportRequestView> rows = read(SELECT + "where r.id in (select id from support_request where " + where
				+ " order by created_at desc, id desc limit :limit offset :offset)"
				+ " order by r.created_at desc, r.id desc, a.id", params);
		return new PageImpl<>(rows, page, total);
	}

	@Transactional(readOnly = true)
	public SupportRequestView view(long id) {
		return read(SELECT + "where r.id = :id order by a.id", Map.of("id", id)).stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("support request " + id));
	}

	/**
	 * Staff answer: stored, shown to the reseller, e-mailed to the sender; a closed
	 * request takes no answer.
	 */
	public void answer(long id, String body, String actor) {
		SupportRequest request = lock(id);
		SupportStatus before = request.status();
		String text = request.answer(body, actor, clock.instant()).body();
		audit.record(AuditRecord.of(actor, "SUPPORT_ANSWERED", "support-" + id,
				"status: " + before + " → " + request.status() + "; answer: " + text));
		mails.answered(request, text);
	}

	/** Closed for good; closing a closed request again changes nothing. */
	public void close(long id, String actor) {
		SupportRequest request = lock(id);
		SupportStatus before = request.status();
		if (request.close(actor, clock.instant())) {
			audit.record(AuditRecord.of(actor, "SUPPORT_CLOSED", "support-" + id,
					"status: " + before + " → " + request.status()));
		}
	}

	private SupportRequest lock(long id) {
		return requests.lockById(id).orElseThrow(() -> new NotFoundException("support request " + id));
	}

	/**
	 * Rows of requests joined with their answers, folded into one view per request in the
	 * rows' order.
	 */
	private List<SupportRequestView> read(String sql, Map<String, ?> params) {
		Map<Long, SupportRequestView> requests = new LinkedHashMap<>();
		jdbc.sql(sql).params(params).query((ResultSet row) -> {
			long id = row.getLong("id");
			SupportRequestView request = requests.computeIfAbsent(id, key -> request(row));
			if (row.getString("body") != null) {
				request.answers()
					.add(new SupportRequestView.Answer(row.getString("body"), row.getString("answered_by"),
							row.getTimestamp("answered_at").toInstant()));
			}
		});
		return List.copyOf(requests.values());
	}

	private static SupportRequestView request(ResultSet row) {
		try {
			Timestamp closedAt = row.getTimestamp("closed_at");
			return new SupportRequestView(row.getLong("id"), row.getObject("reseller_id", Long.class),
					row.getString("sender_name"), row.getString("sender_email"),
					SupportTopic.valueOf(row.getString("topic")), row.getString("order_number"),
					row.getString("message"), row.getString("locale"), SupportStatus.valueOf(row.getString("status")),
					row.getTimestamp("created_at").toInstant(), closedAt == null ? null : closedAt.toInstant(),
					row.getString("closed_by"), new ArrayList<>());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
