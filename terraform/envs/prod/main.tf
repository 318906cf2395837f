module "platform" {
  source = "../../modules/aws"

  environment              = "prod"
  eks_public_access_cidrs  = var.eks_public_access_cidrs
  vpc_cidr                 = "10.42.0.0/16"
  az_count                 = 3
  single_nat_gateway       = false
  node_instance_types      = ["m6i.2xlarge"]
  node_min_size            = 3
  node_desired_size        = 4
  node_max_size            = 9
  db_instance_class        = "db.r6g.xlarge"
  db_allocated_storage     = 200
  db_max_allocated_storage = 1000
  db_multi_az              = true
  db_backup_retention_days = 35
  db_deletion_protection   = true
  redis_node_type          = "cache.r7g.large"
  redis_replicas           = 3

  tags = {
    CostCenter = "openmineral-prod"
  }
}
