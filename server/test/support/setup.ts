// Loaded before every test file: decorator metadata for type-graphql and MikroORM.
import 'reflect-metadata';
