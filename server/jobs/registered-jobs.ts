// Every kind of job workers and API nodes know; a module registers its kind when imported (one line each).
import './coverage.job';
import './service-areas.job';
