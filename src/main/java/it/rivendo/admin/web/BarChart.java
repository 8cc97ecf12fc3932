package it.rivendo.admin.web;

import it.rivendo.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A bar chart of the dashboard: one bar per day or month with its amount and its height
 * in pixels (the highest amount fills the chart), and the amount axis: the highest amount
 * at the top, half of it in the middle, zero at the bottom; only zero when every amount
 * is zero ({@link #empty}).
 */
record BarChart(List<Bar> bars, int height, Money top, Money middle) {

	static final int HEIGHT = 160;

	/** The bars' heights worked out from their amounts; at least one bar. */
	static BarChart of(List<Bar> bars) {
		Money highest = bars.stream().map(Bar::amount).reduce(Money.ZERO, (a, b) -> a.compareTo(b) >= 0 ? a : b);
		BigDecimal scale = highest.isPositive() ? highest.amount() : BigDecimal.ONE;
		List<Bar> scaled = bars.stream()
			.map(bar -> new Bar(bar.label(), bar.amount(), bar.count(),
					bar.amount()
						.amount()
						.multiply(BigDecimal.valueOf(HEIGHT))
						.divide(scale, 0, RoundingMode.HALF_UP)
						.intValue()))
			.toList();
		return new BarChart(scaled, HEIGHT, highest,
				Money.of(highest.amount().divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP)));
	}

	public Money bottom() {
		return Money.ZERO;
	}

	/** Every amount is zero: the axis has nothing but its zero, the chart says so. */
	public boolean empty() {
		return !top.isPositive();
	}

	public Bar first() {
		return bars.get(0);
	}

	public Bar middleBar() {
		return bars.get(bars.size() / 2);
	}

	public Bar last() {
		return bars.get(bars.size() - 1);
	}

	/**
	 * One day or month: its label on the axis (30/11/2026, 11/2026), its amount, how many
	 * orders or renewals made it, and the bar's height in pixels.
	 */
	record Bar(String label, Money amount, long count, int height) {

		Bar(String label, Money amount, long count) {
			this(label, amount, count, 0);
		}

	}

}
