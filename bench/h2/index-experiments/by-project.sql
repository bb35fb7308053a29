-- An experiment, never to ship (README.md here): the two plain indexes whose entries land at a project's place.
DROP INDEX gift_project;
DROP INDEX journal_transaction_project;
