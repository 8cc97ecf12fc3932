package it.rivendo.services.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ServiceEventRepository extends JpaRepository<ServiceEvent, Long> {

	List<ServiceEvent> findByServiceIdOrderByIdDesc(long serviceId);

}
