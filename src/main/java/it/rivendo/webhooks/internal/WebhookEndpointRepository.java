package it.rivendo.webhooks.internal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface WebhookEndpointRepository extends JpaRepository<WebhookEndpoint, Long> {

	List<WebhookEndpoint> findByResellerIdOrderById(long resellerId);

	List<WebhookEndpoint> findByResellerIdAndEnabledTrue(long resellerId);

	long countByResellerId(long resellerId);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select e from WebhookEndpoint e where e.id = :id")
	Optional<WebhookEndpoint> lockById(long id);

}
