package it.rivendo.support;

import jakarta.servlet.Filter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts what one HTTP request asks of the database (issue 22): the SQL statements the
 * request's thread runs through the shop's DataSource, and its transactions as PostgreSQL
 * sees them (a commit or rollback after a statement; a statement outside a transaction,
 * each its own). A request is counted when it carries the header {@value #HEADER};
 * {@link #last()} is the count of the last such request. Import it into a
 * {@code RANDOM_PORT} test.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCount {

	public static final String HEADER = "X-Count-Statements";

	private static final ThreadLocal<Counted> COUNTING = new ThreadLocal<>();

	private static final AtomicReference<Counted> LAST = new AtomicReference<>();

	/** The statements and transactions of one request, with the statements' SQL. */
	public record Counted(List<String> statements, int[] transactions) {

		Counted() {
			this(new ArrayList<>(), new int[1]);
		}

		public int statementCount() {
			return statements.size();
		}

		public int transactionCount() {
			return transactions[0];
		}

		@Override
		public String toString() {
			return statementCount() + " statements in " + transactionCount() + " transactions: "
					+ String.join("\n  ", statements);
		}

	}

	/** The count of the last request that carried {@link #HEADER}. */
	public static Counted last() {
		return LAST.get();
	}

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof DataSource dataSource && !(bean instanceof Counting) ? new Counting(dataSource)
						: bean;
			}
		};
	}

	@Bean
	FilterRegistrationBean<Filter> statementCountFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
			boolean counted = request instanceof jakarta.servlet.http.HttpServletRequest http
					&& http.getHeader(HEADER) != null;
			if (!counted) {
				chain.doFilter(request, response);
				return;
			}
			Counted count = new Counted();
			COUNTING.set(count);
			try {
				chain.doFilter(request, response);
			}
			finally {
				COUNTING.remove();
				LAST.set(count);
			}
		});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** The shop's DataSource, handing out connections that count. */
	static final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counting(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counting(super.getConnection(username, password));
		}

		private static Connection counting(Connection connection) {
			return (Connection) Proxy.newProxyInstance(StatementCount.class.getClassLoader(),
					new Class<?>[] { Connection.class }, new Handler(connection, connection, null, new boolean[1]));
		}

	}

	/**
	 * Counts a connection's statements, and its transactions as PostgreSQL sees them: a
	 * commit or rollback after at least one statement, or a statement in autocommit.
	 *
	 * @param open whether the connection's transaction has run a statement yet
	 */
	private record Handler(Object target, Connection connection, String sql,
			boolean[] open) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			Counted count = COUNTING.get();
			String name = method.getName();
			if (count != null) {
				if (target instanceof Connection && (name.equals("commit") || name.equals("rollback")) && open[0]) {
					count.transactions()[0]++;
				}
				if (target instanceof Statement && name.startsWith("execute")) {
					count.statements()
						.add(sql != null ? sql : args != null && args.length > 0 ? String.valueOf(args[0]) : "?");
					if (connection.getAutoCommit()) {
						count.transactions()[0]++;
					}
				}
			}
			Object result;
			try {
				result = method.invoke(target, args);
			}
			catch (InvocationTargetException failed) {
				throw failed.getCause();
			}
			if (target instanceof Connection && (name.equals("commit") || name.equals("rollback"))) {
				open[0] = false;
			}
			if (target instanceof Statement && name.startsWith("execute") && !connection.getAutoCommit()) {
				open[0] = true;
			}
			if (target instanceof Connection && result instanceof Statement statement) {
				Class<?> type = name.equals("prepareCall") ? java.sql.CallableStatement.class
						: name.equals("prepareStatement") ? java.sql.PreparedStatement.class : Statement.class;
				String prepared = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
				return Proxy.newProxyInstance(StatementCount.class.getClassLoader(), new Class<?>[] { type },
						new Handler(statement, connection, prepared, open));
			}
			return result;
		}

	}

}
