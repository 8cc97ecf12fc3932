package it.rivendo.api.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ApiKeyRepository extends JpaRepository<ApiKey, Long> {

	Optional<ApiKey> findBySecretHash(String secretHash);

	List<ApiKey> findByResellerIdOrderByIdDesc(long resellerId);

	Optional<ApiKey> findByIdAndResellerId(long id, long resellerId);

	/**
	 * Notes that the key was used, unless it was noted since {@code notBefore}: at most
	 * one write a minute per key, not one per request.
	 */
	@Modifying
	@Query("update ApiKey k set k.lastUsedAt = :now where k.id = :id and (k.lastUsedAt is null or k.lastUsedAt < :notBefore)")
	int touch(long id, Instant now, Instant notBefore);

}
