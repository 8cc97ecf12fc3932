package it.rivendo.catalog.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProductRepository extends JpaRepository<Product, Long> {

	@Query("select p from Product p join fetch p.family left join fetch p.prices where p.code = :code")
	Optional<Product> findByCodeWithPrices(String code);

	Optional<Product> findByCode(String code);

	/** Every product, withdrawn ones too, with family and prices: the staff's list. */
	@Query("""
			select distinct p from Product p join fetch p.family f left join fetch p.prices
			order by f.sortOrder, p.sortOrder, p.code""")
	List<Product> findAllForStaff();

	@Query("select p from Product p join fetch p.family left join fetch p.prices where p.id = :id")
	Optional<Product> findByIdWithPrices(long id);

}
