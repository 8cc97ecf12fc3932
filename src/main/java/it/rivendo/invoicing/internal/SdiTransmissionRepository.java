package it.rivendo.invoicing.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SdiTransmissionRepository extends JpaRepository<SdiTransmission, Long> {

	Optional<SdiTransmission> findByFileName(String fileName);

	List<SdiTransmission> findByDocumentIdOrderByAttempt(long documentId);

	/** The next file progressive: never the same twice, whatever instance asks. */
	@Query(value = "select nextval('sdi_file_seq')", nativeQuery = true)
	long nextFileNumber();

}
