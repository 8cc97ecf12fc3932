package it.rivendo.ordering.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BillingCustomerRepository extends JpaRepository<BillingCustomer, Long> {

	List<BillingCustomer> findByResellerIdOrderByIdDesc(long resellerId);

	Optional<BillingCustomer> findByIdAndResellerId(long id, long resellerId);

}
