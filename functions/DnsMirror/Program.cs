// Composition root placeholder: replaced when the DnsMirror issue lands.
return 0;
