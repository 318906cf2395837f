variable "subscription_id" {
  description = "Azure subscription to deploy into."
  type        = string
}

variable "location" {
  description = "Azure region of this environment."
  type        = string
  default     = "westeurope"
}

variable "key_vault_admin_object_ids" {
  description = "Entra ID object IDs allowed to manage the Key Vault's secrets."
  type        = list(string)
  default     = []
}
