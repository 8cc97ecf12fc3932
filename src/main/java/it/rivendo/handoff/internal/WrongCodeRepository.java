package it.rivendo.handoff.internal;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface WrongCodeRepository extends JpaRepository<WrongCode, Long> {

	long countByIpAndTypedAtAfter(String ip, Instant after);

	@Modifying
	@Query("delete from WrongCode w where w.typedAt < :before")
	int deleteOlderThan(Instant before);

}
