// Composition root placeholder: replaced when the SesFeedback issue lands.
return 0;
