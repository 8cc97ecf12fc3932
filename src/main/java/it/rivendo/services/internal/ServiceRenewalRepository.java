package it.rivendo.services.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ServiceRenewalRepository extends JpaRepository<ServiceRenewal, Long> {

	boolean existsByOrderLineId(long orderLineId);

	List<ServiceRenewal> findByServiceIdOrderById(long serviceId);

}
