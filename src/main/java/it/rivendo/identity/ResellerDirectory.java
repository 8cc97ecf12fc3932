package it.rivendo.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import it.rivendo.shared.SqlLike;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding resellers for staff pages: by company name or by the e-mail of one of their
 * logins.
 */
@Service
@Transactional(readOnly = true)
public class ResellerDirectory {

	private static final String SELECT = """
			select r.id, r.company_name,
			       (select u.email from user_account u where u.reseller_id = r.id order by u.id limit 1) as email
			from reseller r
			""";

	private final JdbcClient jdbc;

	ResellerDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Resellers whose company name or login e-mail contains the text (case-insensitive),
	 * at most {@code limit}.
	 */
	public List<ResellerMatch> search(String text, int limit) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		String like = SqlLike.containing(text);
		return jdbc.sql(SELECT + """
				where lower(r.company_name) like :like
				   or exists (select 1 from user_account u where u.reseller_id = r.id and lower(u.email) like :like)
				order by r.company_name, r.id
				limit :limit""").param("like", like).param("limit", limit).query(ResellerDirectory::match).list();
	}

	/** Company names by reseller id, for the given ids that exist. */
	public Map<Long, ResellerMatch> byIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql(SELECT + "where r.id in (:ids)")
			.param("ids", ids)
			.query(ResellerDirectory::match)
			.list()
			.stream()
			.collect(Collectors.toMap(ResellerMatch::id, match -> match));
	}

	private static ResellerMatch match(java.sql.ResultSet row, int index) throws java.sql.SQLException {
		return new ResellerMatch(row.getLong("id"), row.getString("company_name"), row.getString("email"));
	}

	/** A reseller as a search finds it. */
	public record ResellerMatch(long id, String companyName, String email) {
	}

}
