package it.rivendo.shared.web;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.thymeleaf.spring6.util.DetailedError;

/**
 * The error summary at the top of a form ({@code fragments/forms :: errorSummary}): one
 * entry per field, the first of its errors, in the order the form class declares its
 * fields (which is the order the page shows them), not in the order the validator
 * happened to find them (a hash set's: it changed from run to run). Templates reach it as
 * {@code #errorSummary}, through {@link Dialect}.
 */
public class ErrorSummary {

	private static final ErrorSummary INSTANCE = new ErrorSummary();

	private final Map<Class<?>, Map<String, Integer>> orders = new ConcurrentHashMap<>();

	/**
	 * The field errors to list, first per field, in the form's order; fields the form
	 * class does not declare come last, as found.
	 * @param form the form object, or null when unknown (then only one per field)
	 */
	public List<DetailedError> of(Collection<DetailedError> errors, Object form) {
		Map<String, DetailedError> firstPerField = new LinkedHashMap<>();
		for (DetailedError error : errors) {
			if (!error.isGlobal()) {
				firstPerField.putIfAbsent(error.getFieldName(), error);
			}
		}
		List<DetailedError> summary = new ArrayList<>(firstPerField.values());
		if (form != null) {
			Map<String, Integer> order = orders.computeIfAbsent(form.getClass(), ErrorSummary::fieldOrder);
			summary.sort(Comparator.comparingInt(
					error -> order.getOrDefault(error.getFieldName().replaceAll("\\[[^]]*]", ""), Integer.MAX_VALUE)));
		}
		return summary;
	}

	/** Each field path ("billing.firstName") with its place in the class. */
	static Map<String, Integer> fieldOrder(Class<?> type) {
		Map<String, Integer> order = new HashMap<>();
		collect(type, "", order, 0);
		return order;
	}

	private static void collect(Class<?> type, String prefix, Map<String, Integer> order, int depth) {
		List<Class<?>> hierarchy = new ArrayList<>();
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			hierarchy.add(0, c);
		}
		for (Class<?> declaring : hierarchy) {
			for (Field field : declaring.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
					continue;
				}
				String path = prefix + field.getName();
				order.putIfAbsent(path, order.size());
				if (depth < 3 && field.getType().getName().startsWith("it.rivendo.") && !field.getType().isEnum()) {
					collect(field.getType(), path + ".", order, depth + 1);
				}
			}
		}
	}

	/**
	 * Offers {@code #errorSummary} to every template (pages and MVC slice tests alike).
	 */
	@Component
	static class Dialect extends AbstractDialect implements IExpressionObjectDialect {

		Dialect() {
			super("errorSummary");
		}

		@Override
		public IExpressionObjectFactory getExpressionObjectFactory() {
			return new IExpressionObjectFactory() {

				@Override
				public Set<String> getAllExpressionObjectNames() {
					return Set.of("errorSummary");
				}

				@Override
				public Object buildObject(IExpressionContext context, String expressionObjectName) {
					return INSTANCE;
				}

				@Override
				public boolean isCacheable(String expressionObjectName) {
					return true;
				}

			};
		}

	}

}
