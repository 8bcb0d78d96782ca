"""What shoppers did, read back for editors: the events export (POST /events) tallied per locale into
failed searches with suggested fixes, article helpfulness, deflection and weekly trends."""
