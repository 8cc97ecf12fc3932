package it.rivendo.credit.internal;

import it.rivendo.credit.PaymentMethod;
import it.rivendo.credit.TopUpStatus;
import it.rivendo.credit.TopUpView;
import it.rivendo.shared.Money;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The top-ups as the pages list them, with the reseller's name: a read model, one query a
 * page.
 */
@Component
public class TopUpRows {

	private static final String SELECT = """
			select t.*, r.company_name, u.display_name as requested_by_name
			from top_up t join reseller r on r.id = t.reseller_id
			left join user_account u on u.id = t.created_by_user_id""";

	private final JdbcClient jdbc;

	TopUpRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<TopUpView> byId(long topUpId) {
		return jdbc.sql(SELECT + " where t.id = ?").param(topUpId).query(TopUpRows::row).optional();
	}

	public Optional<TopUpView> byReference(long resellerId, String reference) {
		return jdbc.sql(SELECT + " where t.reference = ? and t.reseller_id = ?")
			.params(reference, resellerId)
			.query(TopUpRows::row)
			.optional();
	}

	public Optional<TopUpView> byProviderReference(long resellerId, String providerReference) {
		return jdbc.sql(SELECT + " where t.provider_reference = ? and t.reseller_id = ?")
			.params(providerReference, resellerId)
			.query(TopUpRows::row)
			.optional();
	}

	/** A reseller's latest 20, newest first. */
	public List<TopUpView> ofReseller(long resellerId) {
		return jdbc.sql(SELECT + " where t.reseller_id = ? order by t.id desc limit 20")
			.param(resellerId)
			.query(TopUpRows::row)
			.list();
	}

	/** All that wait, oldest first. */
	public List<TopUpView> pending() {
		return jdbc.sql(SELECT + " where t.status = 'PENDING' order by t.id").query(TopUpRows::row).list();
	}

	/** The latest 30 completed or cancelled. */
	public List<TopUpView> recent() {
		return jdbc.sql(SELECT + " where t.status <> 'PENDING' order by t.id desc limit 30")
			.query(TopUpRows::row)
			.list();
	}

	private static TopUpView row(ResultSet row, int index) throws SQLException {
		Timestamp completed = row.getTimestamp("completed_at");
		Date receivedOn = row.getDate("received_on");
		BigDecimal received = row.getBigDecimal("received_amount");
		return new TopUpView(row.getLong("id"), row.getString("reference"), row.getLong("reseller_id"),
				row.getString("company_name"), Money.of(row.getBigDecimal("amount")),
				PaymentMethod.valueOf(row.getString("method")), TopUpStatus.valueOf(row.getString("status")),
				row.getTimestamp("created_at").toInstant(), completed == null ? null : completed.toInstant(),
				received == null ? null : Money.of(received), receivedOn == null ? null : receivedOn.toLocalDate(),
				row.getString("bank_reference"), row.getString("confirmed_by"), row.getString("requested_by_name"));
	}

}
