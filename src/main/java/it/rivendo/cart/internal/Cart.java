package it.rivendo.cart.internal;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.PriceQuote;
import it.rivendo.cart.Renewal;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.JoinColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Entity
@Table(name = "cart")
public class Cart {

	public static final int MAX_QUANTITY = 99;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long resellerId;

	/** The user of the reseller's team whose cart this is (issue 17). */
	private long userId;

	private Instant updatedAt;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "cart_id", nullable = false)
	@OrderBy("id")
	private List<CartLine> lines = new ArrayList<>();

	protected Cart() {
	}

	public Cart(long resellerId, long userId, Instant now) {
		this.resellerId = resellerId;
		this.userId = userId;
		this.updatedAt = now;
	}

	/**
	 * Adds units of a product in a mode, at the price quoted now; the same product and
	 * mode share a line.
	 */
	public void add(PriceQuote quote, int quantity, Instant now) {
		Optional<CartLine> existing = line(quote.productId(), quote.mode());
		if (existing.isPresent()) {
			existing.get().increaseBy(quantity, quote);
		}
		else {
			lines.add(new CartLine(quote, quantity, now));
		}
		this.updatedAt = now;
	}

	/**
	 * Adds a line renewing a service, at the price quoted now, unless the service is in
	 * the cart already.
	 * @return whether a line was added
	 */
	public boolean addRenewal(PriceQuote quote, Renewal renewal, Instant now) {
		if (lines.stream().anyMatch(line -> line.renews(renewal.serviceId()))) {
			return false;
		}
		lines.add(new CartLine(quote, renewal, now));
		this.updatedAt = now;
		return true;
	}

	public void changeQuantity(long lineId, int quantity, Instant now) {
		lineById(lineId).changeQuantity(quantity);
		this.updatedAt = now;
	}

	public void remove(long lineId, Instant now) {
		lines.remove(lineById(lineId));
		this.updatedAt = now;
	}

	public void clear(Instant now) {
		lines.clear();
		this.updatedAt = now;
	}

	public List<CartLine> lines() {
		return List.copyOf(lines);
	}

	public Long id() {
		return id;
	}

	private Optional<CartLine> line(long productId, IdentificationMode mode) {
		return lines.stream()
			.filter(line -> line.renewal() == null && line.productId() == productId && line.mode() == mode)
			.findFirst();
	}

	private CartLine lineById(long lineId) {
		return lines.stream()
			.filter(line -> line.id() == lineId)
			.findFirst()
			.orElseThrow(() -> new it.rivendo.shared.NotFoundException("cart line " + lineId));
	}

}
