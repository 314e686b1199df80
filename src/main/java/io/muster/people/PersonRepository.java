package io.muster.people;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PersonRepository extends JpaRepository<Person, Long> {

    // Queries on hot paths are written out: Hibernate caches a written query's translation to
    // SQL, while a query derived from the method name is built and translated on every call.
    @Query("select p from Person p where p.username = :username")
    Optional<Person> findByUsername(String username);

    List<Person> findByUsernameIn(Collection<String> usernames);

    boolean existsByUsername(String username);

    @Query("select new io.muster.people.PersonProfile(p.id, p.department, p.jobRole, p.location, p.employmentType)"
            + " from Person p where p.username = :username")
    Optional<PersonProfile> findProfile(String username);

    @Query("select new io.muster.people.PersonForRules(p.id, p.username, m.username, p.department, p.jobRole,"
            + " p.location, p.employmentType) from Person p left join p.manager m order by p.username")
    List<PersonForRules> everyoneForRules();

    @Query("select new io.muster.people.FoundPerson(p.username, p.name, p.email, p.department)"
            + " from Person p where lower(p.name) like :pattern escape '\\' or lower(p.username) like :pattern escape '\\'"
            + " or lower(p.email) like :pattern escape '\\' order by p.name, p.username")
    List<FoundPerson> search(String pattern, Pageable page);
}
