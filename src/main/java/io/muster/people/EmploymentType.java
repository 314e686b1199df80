package io.muster.people;

public enum EmploymentType {
    EMPLOYEE, SUBCONTRACTOR
}
