package it.rivendo.identity.web;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC), and Spring Session rewrites a
 * session's row at every request only because its last access time moved: a committed
 * write, with its WAL flush, for every page view. Here the row is rewritten when
 * something in it changed (id, user, timeout) or when the last access written is more
 * than {@link #ACCESS_TIME_RESOLUTION} old; attributes are written as before, when they
 * change. A session therefore expires between 30 minutes and 30 minutes plus the
 * resolution after its last request. Twin requests in one session may add the same
 * attribute at once ({@link #CREATE_SESSION_ATTRIBUTE_QUERY}).
 */
@Configuration(proxyBeanMethods = false)
class SessionWrites {

	static final Duration ACCESS_TIME_RESOLUTION = Duration.ofMinutes(1);

	/**
	 * Spring Session's own update statement, with the same parameters in the same order,
	 * applied only when it changes more than a recent access time.
	 */
	static final String UPDATE_SESSION_QUERY = """
			UPDATE %TABLE_NAME% S
			SET SESSION_ID = V.SESSION_ID, LAST_ACCESS_TIME = V.LAST_ACCESS_TIME,
			    MAX_INACTIVE_INTERVAL = V.MAX_INACTIVE_INTERVAL, EXPIRY_TIME = V.EXPIRY_TIME,
			    PRINCIPAL_NAME = V.PRINCIPAL_NAME
			FROM (SELECT CAST(? AS CHAR(36)) AS SESSION_ID, CAST(? AS BIGINT) AS LAST_ACCESS_TIME,
			             CAST(? AS INT) AS MAX_INACTIVE_INTERVAL, CAST(? AS BIGINT) AS EXPIRY_TIME,
			             CAST(? AS VARCHAR) AS PRINCIPAL_NAME, CAST(? AS CHAR(36)) AS PRIMARY_ID) V
			WHERE S.PRIMARY_ID = V.PRIMARY_ID
			  AND (S.SESSION_ID <> V.SESSION_ID
			       OR S.MAX_INACTIVE_INTERVAL <> V.MAX_INACTIVE_INTERVAL
			       OR S.PRINCIPAL_NAME IS DISTINCT FROM V.PRINCIPAL_NAME
			       OR V.LAST_ACCESS_TIME - S.LAST_ACCESS_TIME >= %RESOLUTION%)
			""".replace("%RESOLUTION%", Long.toString(ACCESS_TIME_RESOLUTION.toMillis()));

	/**
	 * Spring Session's insert of an attribute, with the same parameters in the same
	 * order, for twin requests: two requests of one session (a double click, a retried
	 * callback) that both add the same attribute, e.g. the flash message for the next
	 * page, each insert it; the second one replaces the first instead of failing on the
	 * primary key and answering 500. An attribute of a session that no longer exists
	 * (ended by the twin) is not written.
	 */
	static final String CREATE_SESSION_ATTRIBUTE_QUERY = """
			INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			SELECT S.PRIMARY_ID, V.ATTRIBUTE_NAME, V.ATTRIBUTE_BYTES
			FROM (SELECT CAST(? AS CHAR(36)) AS PRIMARY_ID, CAST(? AS VARCHAR(200)) AS ATTRIBUTE_NAME,
			             CAST(? AS BYTEA) AS ATTRIBUTE_BYTES) V
			JOIN %TABLE_NAME% S ON S.PRIMARY_ID = V.PRIMARY_ID
			ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
			""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> fewerSessionWrites() {
		return repository -> {
			repository.setUpdateSessionQuery(UPDATE_SESSION_QUERY);
			repository.setCreateSessionAttributeQuery(CREATE_SESSION_ATTRIBUTE_QUERY);
		};
	}

}
