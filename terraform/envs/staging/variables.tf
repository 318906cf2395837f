variable "region" {
  description = "AWS region of this environment."
  type        = string
  default     = "eu-central-1"
}

variable "eks_public_access_cidrs" {
  description = "CIDR blocks allowed to reach the EKS API (office, VPN, CI runners)."
  type        = list(string)
}
