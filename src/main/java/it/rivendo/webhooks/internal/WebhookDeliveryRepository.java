package it.rivendo.webhooks.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, Long> {

	/**
	 * Writes a delivery unless this endpoint already has one for this event (a listener
	 * may run twice).
	 * @return 1 when written, 0 when it was there
	 */
	@Modifying
	@Query(value = """
			insert into webhook_delivery (endpoint_id, message_id, event_type, event_key, payload, status, attempts,
			                              created_at, next_attempt_at)
			values (:endpointId, :messageId, :eventType, :eventKey, :payload, 'PENDING', 0, :now, :now)
			on conflict (endpoint_id, event_key) do nothing""", nativeQuery = true)
	int insertOnce(long endpointId, String messageId, String eventType, String eventKey, String payload, Instant now);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select d from WebhookDelivery d where d.id = :id")
	Optional<WebhookDelivery> lockById(long id);

	Optional<WebhookDelivery> findByEndpointIdAndEventKey(long endpointId, String eventKey);

	@Modifying
	@Query("update WebhookDelivery d set d.status = it.rivendo.webhooks.internal.WebhookDelivery.Status.FAILED where d.endpointId = :endpointId and d.status = it.rivendo.webhooks.internal.WebhookDelivery.Status.PENDING")
	int abandonPending(long endpointId);

}
