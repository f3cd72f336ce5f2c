// Composition root placeholder: replaced when the Fanout issue lands.
return 0;
