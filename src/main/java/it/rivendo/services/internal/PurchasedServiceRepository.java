package it.rivendo.services.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PurchasedServiceRepository extends JpaRepository<PurchasedService, Long> {

	long countByOrderId(long orderId);
}
