package it.rivendo.ordering.internal;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OrderRepository extends JpaRepository<Order, Long> {

	Optional<Order> findByResellerIdAndCheckoutToken(long resellerId, String checkoutToken);

	@Query("select o from Order o left join fetch o.lines where o.number = :number and o.resellerId = :resellerId")
	Optional<Order> findOwned(long resellerId, String number);

	@org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from Order o where o.number = :number")
	Optional<Order> lockByNumber(String number);

	@Query("select o from Order o left join fetch o.lines where o.number = :number")
	Optional<Order> findByNumberWithLines(String number);

	Page<Order> findByResellerIdOrderByCreatedAtDesc(long resellerId, Pageable page);

	@Query(value = "select nextval('order_number_seq')", nativeQuery = true)
	long nextNumber();

}
