package it.rivendo.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC), and Spring Session rewrites a
 * session's row at every request only because its last access time moved: a committed
 * write, with its WAL flush, for every page view. Here the row is rewritten when
 * something in it changed (id, user, timeout) or when the last access written is more
 * than {@link #ACCESS_TIME_RESOLUTION} old; attributes are written as before, when they
 * change. A session therefore expires between 30 minutes minus the resolution and 30
 * minutes after its last request. Twin requests in one session may add the same attribute
 * at once ({@link #CREATE_SESSION_ATTRIBUTE_QUERY}).
 * <p>
 * A request that changes nothing but a recent access time does not even reach the
 * database: {@link AccessTimeResolution} keeps such an access time out of the session, so
 * Spring Session has nothing to save and opens no transaction (issue 22: it was one
 * transaction and one UPDATE at every page). And a session is read from the database once
 * per request ({@link OneReadPerRequest}): Spring Session read it a second time at the
 * end of every page, after the page was flushed. That read is one statement, and it runs
 * outside a transaction ({@link ReadsWithoutTransaction}): Spring Session opened one of
 * its own around it, a BEGIN and a COMMIT more at every request.
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

	/**
	 * The sessions as the shop's filter and {@code UserSessions} see them: Spring Session
	 * JDBC's, whose access time moves only by at least the resolution. Wrapped after it
	 * is made rather than declared as a bean of its own, which would turn Spring Boot's
	 * JDBC session configuration off.
	 */
	@Bean
	static BeanPostProcessor accessTimeResolution() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof JdbcIndexedSessionRepository sessions
						? new AccessTimeResolution<>(sessions, ACCESS_TIME_RESOLUTION) : bean;
			}
		};
	}

	/** Just outside Spring Session's filter: the requests a session is read once in. */
	@Bean
	FilterRegistrationBean<OneReadPerRequest> oneSessionReadPerRequest() {
		FilterRegistrationBean<OneReadPerRequest> registration = new FilterRegistrationBean<>(new OneReadPerRequest());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

	/**
	 * Spring Session's transactions (a new one for each write, Spring Session's own
	 * default), except for the read of a session by id: one statement, outside any. Given
	 * to Spring Session's configuration before it makes its repository, rather than
	 * declared as a bean, which would stand in for Spring Boot's TransactionTemplate.
	 */
	@Bean
	static BeanPostProcessor sessionReadsWithoutTransaction(ObjectProvider<PlatformTransactionManager> transactions) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcHttpSessionConfiguration configuration) {
					configuration.setTransactionOperations(
							new ReadsWithoutTransaction(SingletonSupplier.<TransactionOperations>of(() -> {
								TransactionTemplate template = new TransactionTemplate(transactions.getObject());
								template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
								return template;
							})));
				}
				return bean;
			}
		};
	}

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> fewerSessionWrites() {
		return repository -> {
			repository.setUpdateSessionQuery(UPDATE_SESSION_QUERY);
			repository.setCreateSessionAttributeQuery(CREATE_SESSION_ATTRIBUTE_QUERY);
		};
	}

	/**
	 * A session repository that passes everything to Spring Session's, except an access
	 * time less than {@code resolution} after the one the session holds: that one is
	 * dropped, so the session is not changed by it.
	 */
	static final class AccessTimeResolution<S extends Session> implements FindByIndexNameSessionRepository<Session> {

		/**
		 * The sessions read in the request this thread serves (by id, null for none
		 * found), while {@link OneReadPerRequest} runs it.
		 */
		static final ThreadLocal<Map<String, Session>> READ_IN_REQUEST = new ThreadLocal<>();

		private final FindByIndexNameSessionRepository<S> sessions;

		private final Duration resolution;

		AccessTimeResolution(FindByIndexNameSessionRepository<S> sessions, Duration resolution) {
			this.sessions = sessions;
			this.resolution = resolution;
		}

		@Override
		public Session createSession() {
			return new Coarse<>(this.sessions.createSession(), this.resolution);
		}

		@Override
		@SuppressWarnings("unchecked")
		public void save(Session session) {
			this.sessions.save(session instanceof Coarse<?> coarse ? (S) coarse.session : (S) session);
		}

		@Override
		public Session findById(String id) {
			Map<String, Session> read = READ_IN_REQUEST.get();
			if (read != null && read.containsKey(id)) {
				return read.get(id);
			}
			S session;
			ReadsWithoutTransaction.READING.set(Boolean.TRUE);
			try {
				session = this.sessions.findById(id);
			}
			finally {
				ReadsWithoutTransaction.READING.remove();
			}
			Session found = session == null ? null : new Coarse<>(session, this.resolution);
			if (read != null) {
				read.put(id, found);
			}
			return found;
		}

		@Override
		public void deleteById(String id) {
			Map<String, Session> read = READ_IN_REQUEST.get();
			if (read != null) {
				read.remove(id);
			}
			this.sessions.deleteById(id);
		}

		@Override
		public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return new LinkedHashMap<>(this.sessions.findByIndexNameAndIndexValue(indexName, indexValue));
		}

	}

	/**
	 * Reads a session at most once in a request. Spring Session reads the requested
	 * session again when it commits a session a second time: it commits when the response
	 * is committed (every page: Thymeleaf flushes it) and again when its filter ends, and
	 * the second time it asks for the requested session id with its cache already
	 * cleared. The second read only compares ids; it now gets the session read first.
	 */
	static final class OneReadPerRequest extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			AccessTimeResolution.READ_IN_REQUEST.set(new HashMap<>());
			try {
				chain.doFilter(request, response);
			}
			finally {
				AccessTimeResolution.READ_IN_REQUEST.remove();
			}
		}

	}

	/**
	 * Runs Spring Session's work in its transactions, except while a session is read by
	 * id ({@link AccessTimeResolution#findById}): its one SELECT (and, for a session
	 * found expired, its one DELETE) need none, and a transaction of their own was a
	 * BEGIN and a COMMIT more at every request (issue 22).
	 */
	static final class ReadsWithoutTransaction implements TransactionOperations {

		static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

		private final Supplier<TransactionOperations> transactions;

		ReadsWithoutTransaction(Supplier<TransactionOperations> transactions) {
			this.transactions = transactions;
		}

		@Override
		public <T> T execute(TransactionCallback<T> action) {
			return READING.get() != null ? action.doInTransaction(new SimpleTransactionStatus(false))
					: this.transactions.get().execute(action);
		}

	}

	/** One session, whose access time moves by at least the resolution. */
	private static final class Coarse<S extends Session> implements Session {

		private final S session;

		private final Duration resolution;

		Coarse(S session, Duration resolution) {
			this.session = session;
			this.resolution = resolution;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (!lastAccessedTime.isBefore(this.session.getLastAccessedTime().plus(this.resolution))) {
				this.session.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public String changeSessionId() {
			return this.session.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.session.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.session.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.session.isExpired();
		}

	}

}
