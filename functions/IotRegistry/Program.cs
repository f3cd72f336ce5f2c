// Composition root placeholder: replaced when the IotRegistry issue lands.
return 0;
